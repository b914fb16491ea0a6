import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { redact } from '../../src/core/redact.ts';

describe('redaction', () => {
  it('masks each kind of secret and leaves trace numbers and times alone', () => {
    assert.equal(
      redact('mail bob@corp.example.org from 192.168.1.20 and fe80::1ff:fe23:4567:890a at 10:00:00'),
      'mail [email] from [ip] and [ip] at 10:00:00',
    );
    assert.equal(
      redact('Bearer abcdefghijklmnop xapp-1-A0123-456 eyJabc12.eyJdef34.sig56789'),
      'Bearer [token] [slack-token] [jwt]',
    );
    assert.equal(
      redact('https://user:pa55w0rd@host/x aws_secret_access_key=abcdefghijABCDEFGHIJ0123456789abcdefghij'),
      'https://user:[password]@host/x aws_secret_access_key=[aws-secret]',
    );
    const oodm =
      'failed to allocate 16777216 byte(s) of direct memory (used: 8220835847, max: 8232370176) netty-common-4.1.33.Final';
    assert.equal(redact(oodm), oodm);
  });

  it('leaves the object names Java prints as Class@hash, which are not e-mail addresses', () => {
    const line =
      "21:50:14,061  WARN GcmChannelsPerAppEVG-1-2 channel.DefaultChannelPipeline:181 - Failed to fail the promise because it's done already: DefaultChannelPromise@7447fcb0(failure(io.netty.handler.codec.EncoderException: java.lang.OutOfMemoryError: Direct buffer memory)";
    assert.equal(redact(line), line);
    assert.equal(redact('ops@7447fcb0.example.org'), '[email]');
  });
});

describe('redaction of Java object names', () => {
  it('leaves a class name with its identity hash readable, as it is no e-mail address', () => {
    // Velocity's log line (corpus p079, https://github.com/GemstoneGG/Velocity-CTD/issues/521).
    const line =
      'exception encountered in com.velocitypowered.proxy.connection.backend.ConfigSessionHandler@2f971981';
    assert.equal(redact(line), line);
    assert.equal(redact('JavaMail.root@mail-7.example.org'), '[email]');
  });
});
