package dev.vialab.emulator.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.sip.header.WWWAuthenticateHeader;

/**
 * HTTP Digest for SIP (RFC 3261 §22.4, RFC 2617 §3.2.2 without qop): what the phone sends and what the registrar
 * verifies. Real MD5, so a wrong password really fails.
 */
final class Digest {
    private Digest() {}

    static String authorization(String user, String password, WWWAuthenticateHeader challenge, String method,
            String uri) {
        String realm = challenge.getRealm();
        String nonce = challenge.getNonce();
        String response = response(user, realm, password, nonce, method, uri);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5";
    }

    /** response = MD5(MD5(user:realm:password):nonce:MD5(method:uri)). */
    static String response(String user, String realm, String password, String nonce, String method, String uri) {
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return md5(ha1 + ":" + nonce + ":" + ha2);
    }

    static String md5(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(32);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }
}
