package jp.jichitai.cloud.residents.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

import jp.jichitai.cloud.shared.TenantCode;

/**
 * スナップショット鍵 (a snapshot's own 個人番号 key): when an offline snapshot is taken, every 個人番号 in it is sealed
 * again under a key made for that snapshot alone, and the key travels inside the snapshot file, which the passphrase
 * already protects. The laptop started from the snapshot reads and writes 個人番号 with it; the centre's key never
 * leaves the centre. At merge the changes file brings the key back, so the 個人番号 of a person entered on the
 * laptop (転入, 職権記載) can be read and recorded again under the centre's key (see
 * {@code docs/decisions/0006-offline-merge-by-row-comparison.md}).
 */
@NamedInterface("offline-replay")
public final class SnapshotKey {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private final IndividualNumberCipher cipher;

    private SnapshotKey(byte[] bytes) {
        this.bytes = bytes.clone();
        this.cipher = new IndividualNumberCipher(this.bytes);
    }

    /** A new random key (256 bits) for one snapshot. */
    public static SnapshotKey generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new SnapshotKey(bytes);
    }

    /** The key as carried in a snapshot or changes file. */
    public static SnapshotKey of(byte[] bytes) {
        return new SnapshotKey(bytes);
    }

    /** The raw key, to be written inside an encrypted file only. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Re-seals the centre's 個人番号 (sealed under {@code centre}'s key) under this snapshot's key. */
    public Resealing resealingFrom(RegistryBulkWriter.KeySource centre) {
        IndividualNumberCipher central = IndividualNumberCipher.fromConfiguration(centre.configuredBase64(),
                centre.dataDirectory());
        return (stored, tenant, atenaNumber) -> central.resealFor(cipher, stored, tenant.value(), atenaNumber);
    }

    /** One 個人番号 as stored, sealed again under another key for the same tenant and 宛名番号. */
    @FunctionalInterface
    public interface Resealing {
        String reseal(String stored, TenantCode tenant, String atenaNumber);
    }

    /**
     * Makes this the key of the offline instance in {@code dataDirectory}: the registry there uses it instead of any
     * configured key. Written once, owner-only, at the instance's preparation.
     */
    public void installInto(Path dataDirectory) {
        try {
            IndividualNumberCipher.writeKeyFile(dataDirectory.resolve(IndividualNumberCipher.OFFLINE_KEY_FILE), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the snapshot's individual number key into " + dataDirectory, e);
        }
    }

    /** The key installed in an offline instance's data folder, if any. */
    public static Optional<SnapshotKey> installedIn(Path dataDirectory) {
        Path file = dataDirectory.resolve(IndividualNumberCipher.OFFLINE_KEY_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SnapshotKey(Base64.getDecoder().decode(Files.readString(file).strip())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The file the key is installed as, for a caller that removes a failed preparation. */
    public static Path installedFile(Path dataDirectory) {
        return dataDirectory.resolve(IndividualNumberCipher.OFFLINE_KEY_FILE);
    }

    IndividualNumberCipher cipher() {
        return cipher;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SnapshotKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Never the key itself. */
    @Override
    public String toString() {
        return "SnapshotKey[…]";
    }
}
