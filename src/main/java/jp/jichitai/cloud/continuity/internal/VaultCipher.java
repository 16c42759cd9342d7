package jp.jichitai.cloud.continuity.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The outer layer of a vault file: AES-256-GCM under a key derived from the passphrase with
 * PBKDF2-HMAC-SHA256 and a random salt.
 *
 * <pre>
 * magic "JCVAULT" + format 1   8 bytes
 * salt                        16 bytes
 * PBKDF2 iterations            4 bytes (big-endian)
 * GCM nonce                   12 bytes
 * key check                   16 bytes  HMAC-SHA256(key, "jc-vault key check"), truncated
 * ciphertext and 16-byte GCM tag
 * </pre>
 *
 * The whole header is authenticated as GCM's additional data. The key check tells a wrong passphrase
 * from a damaged file; it gives a guesser nothing the tag would not (each guess still costs a full
 * key derivation).
 */
public final class VaultCipher {

    /** OWASP's current figure for PBKDF2-HMAC-SHA256; about half a second on an idle server core. */
    public static final int ITERATIONS = 600_000;
    /** The floor below which no file is written or read (tests write at the floor to save time). */
    public static final int MINIMUM_ITERATIONS = 210_000;
    private static final byte[] MAGIC = "JCVAULT\u0001".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int KEY_CHECK_BYTES = 16;
    private static final int TAG_BITS = 128;
    public static final int HEADER_BYTES = MAGIC.length + SALT_BYTES + 4 + NONCE_BYTES + KEY_CHECK_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultCipher() {
    }

    /** An output stream that encrypts what is written to it; closing it writes the tag. */
    public static OutputStream encrypting(OutputStream file, char[] passphrase) throws IOException {
        byte[] salt = random(SALT_BYTES);
        byte[] nonce = random(NONCE_BYTES);
        int iterations = iterationsForNewFiles();
        SecretKeySpec key = derive(passphrase, salt, iterations);
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).put(salt).putInt(iterations).put(nonce)
                .put(keyCheck(key));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.array());
            file.write(header.array());
            return new CipherOutputStream(file, cipher);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Decrypts a whole vault file, or refuses it with the reason a person can act on. */
    public static byte[] decrypt(byte[] file, char[] passphrase) {
        if (file.length < HEADER_BYTES + TAG_BITS / 8 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw ContinuityMessages.refusal("E-CON-0001", file.length + " バイト");
        }
        ByteBuffer header = ByteBuffer.wrap(file, 0, HEADER_BYTES);
        header.position(MAGIC.length);
        byte[] salt = new byte[SALT_BYTES];
        header.get(salt);
        int iterations = header.getInt();
        byte[] nonce = new byte[NONCE_BYTES];
        header.get(nonce);
        byte[] storedKeyCheck = new byte[KEY_CHECK_BYTES];
        header.get(storedKeyCheck);
        if (iterations < MINIMUM_ITERATIONS || iterations > 100 * ITERATIONS) {
            throw ContinuityMessages.refusal("E-CON-0003");
        }
        SecretKeySpec key = derive(passphrase, salt, iterations);
        if (!MessageDigest.isEqual(storedKeyCheck, keyCheck(key))) {
            throw ContinuityMessages.refusal("E-CON-0002");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(file, 0, HEADER_BYTES);
            return cipher.doFinal(file, HEADER_BYTES, file.length - HEADER_BYTES);
        } catch (AEADBadTagException damaged) {
            throw ContinuityMessages.refusal("E-CON-0003");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** {@value #ITERATIONS}, or more (never fewer than the floor) with {@code -Djc.vault.pbkdf2-iterations=N}. */
    static int iterationsForNewFiles() {
        int configured = Integer.getInteger("jc.vault.pbkdf2-iterations", ITERATIONS);
        return Math.max(MINIMUM_ITERATIONS, configured);
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec specification = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(specification).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            specification.clearPassword();
        }
    }

    private static byte[] keyCheck(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal("jc-vault key check".getBytes(StandardCharsets.US_ASCII)), KEY_CHECK_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** For tests: encrypts bytes in memory. */
    static byte[] encrypt(byte[] plain, char[] passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = encrypting(out, passphrase)) {
            encrypting.write(plain);
        }
        return out.toByteArray();
    }
}
