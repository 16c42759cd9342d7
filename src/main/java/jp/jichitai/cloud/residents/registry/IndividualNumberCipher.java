package jp.jichitai.cloud.residents.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jp.jichitai.cloud.residents.IndividualNumber;

/**
 * Encrypts 個人番号 at rest with AES-GCM (256-bit key, a fresh 96-bit nonce per value). The tenant and the 宛名番号
 * are bound as associated data, so a cipher text copied to another person's row or another town does not decrypt.
 *
 * <p>The key comes from {@code jc.residents.individual-number-key} (base64 of 32 bytes). Without it, a random key is
 * generated once into the data folder ({@code individual-number.key}, owner-only) and read from there afterwards;
 * no key is ever written in code.
 *
 * <p>An offline instance (a laptop started from a snapshot, {@code ./jc serve --offline}) holds the snapshot's own key
 * in {@value #OFFLINE_KEY_FILE}: every 個人番号 in its database is sealed under that key ({@link SnapshotKey}), so it
 * is used there whatever key the laptop is configured with.
 */
final class IndividualNumberCipher {

    private static final Logger log = LoggerFactory.getLogger(IndividualNumberCipher.class);
    private static final String KEY_FILE = "individual-number.key";
    /** The snapshot's key on an offline instance, written at its preparation ({@link SnapshotKey#installInto}). */
    static final String OFFLINE_KEY_FILE = "offline-individual-number.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    /** A Cipher per thread (not thread-safe; looking one up costs more than using it), initialised for every use. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    IndividualNumberCipher(byte[] keyBytes) {
        if (keyBytes.length != 32 && keyBytes.length != 16) {
            throw new IllegalArgumentException("jc.residents.individual-number-key must be 16 or 32 bytes (base64)");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    /** The configured key, or the one in the data folder, generating it there on first start. */
    static IndividualNumberCipher fromConfiguration(String configuredBase64, Path dataDirectory) {
        Path offline = dataDirectory.resolve(OFFLINE_KEY_FILE);
        if (Files.isRegularFile(offline)) {
            try {
                log.info("offline instance: 個人番号 are sealed under the snapshot's key in {}; a configured key is not used",
                        offline.toAbsolutePath());
                return new IndividualNumberCipher(Base64.getDecoder().decode(Files.readString(offline).strip()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the snapshot's individual number key " + offline, e);
            }
        }
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            return new IndividualNumberCipher(Base64.getDecoder().decode(configuredBase64.strip()));
        }
        Path file = dataDirectory.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDirectory);
                byte[] generated = new byte[32];
                new SecureRandom().nextBytes(generated);
                writeKeyFile(file, generated);
                log.warn("no jc.residents.individual-number-key configured: generated a key into {}; keep it with the backups",
                        file.toAbsolutePath());
            }
            return new IndividualNumberCipher(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the individual number key " + file, e);
        }
    }

    /** Writes a key (base64) into a new file that only its owner may read. */
    static void writeKeyFile(Path file, byte[] key) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
    }

    String encrypt(IndividualNumber number, String tenant, String atenaNumber) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(tenant, atenaNumber));
            byte[] sealed = cipher.doFinal(number.value().getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    IndividualNumber decrypt(String stored, String tenant, String atenaNumber) {
        try {
            byte[] in = Base64.getDecoder().decode(stored);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(tenant, atenaNumber));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return IndividualNumber.of(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("個人番号を復号できません（鍵が違うか、データが改変されています）: 宛名番号 " + atenaNumber, e);
        }
    }

    /**
     * The same 個人番号 sealed under {@code target}'s key instead of this one (same tenant and 宛名番号, a fresh nonce);
     * the number itself never leaves this method.
     */
    String resealFor(IndividualNumberCipher target, String stored, String tenant, String atenaNumber) {
        return target.encrypt(decrypt(stored, tenant, atenaNumber), tenant, atenaNumber);
    }

    private static byte[] associatedData(String tenant, String atenaNumber) {
        return (tenant + ":" + atenaNumber).getBytes(StandardCharsets.US_ASCII);
    }
}
