package jp.jichitai.cloud.residents.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.jichitai.cloud.residents.IndividualNumber;

class IndividualNumberCipherTests {

    static final IndividualNumber NUMBER = IndividualNumber.of("123456789018");

    @Test
    void encryptsWithAFreshNonceAndDecryptsOnlyForTheSameTenantAndPerson(@TempDir Path data) {
        IndividualNumberCipher cipher = IndividualNumberCipher.fromConfiguration(null, data);
        String once = cipher.encrypt(NUMBER, "012211", "3018");
        String twice = cipher.encrypt(NUMBER, "012211", "3018");
        assertThat(once).isNotEqualTo(twice).doesNotContain("123456789018");
        assertThat(cipher.decrypt(once, "012211", "3018")).isEqualTo(NUMBER);
        assertThatThrownBy(() -> cipher.decrypt(once, "012203", "3018")).hasMessageContaining("復号できません");
        assertThatThrownBy(() -> cipher.decrypt(once, "012211", "3026")).hasMessageContaining("復号できません");
    }

    @Test
    void generatesTheKeyOnceIntoTheDataFolderAndReusesIt(@TempDir Path data) throws Exception {
        String sealed = IndividualNumberCipher.fromConfiguration("", data).encrypt(NUMBER, "012211", "1");
        Path key = data.resolve("individual-number.key");
        assertThat(Base64.getDecoder().decode(Files.readString(key).strip())).hasSize(32);
        assertThat(Files.getPosixFilePermissions(key)).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        assertThat(IndividualNumberCipher.fromConfiguration(null, data).decrypt(sealed, "012211", "1")).isEqualTo(NUMBER);
    }

    @Test
    void aConfiguredKeyWinsAndAnotherKeyCannotDecrypt(@TempDir Path data) {
        String configured = Base64.getEncoder().encodeToString(new byte[32]);
        String sealed = IndividualNumberCipher.fromConfiguration(configured, data).encrypt(NUMBER, "012211", "1");
        assertThat(Files.exists(data.resolve("individual-number.key"))).isFalse();
        assertThatThrownBy(() -> IndividualNumberCipher.fromConfiguration(null, data).decrypt(sealed, "012211", "1"))
                .hasMessageContaining("復号できません");
    }

    @Test
    void aSnapshotKeyResealsTheCentresNumbersAndOnTheLaptopWinsOverItsConfiguredKey(@TempDir Path centre,
            @TempDir Path laptop) {
        String centreKey = Base64.getEncoder().encodeToString(new byte[32]);
        String sealedAtCentre = IndividualNumberCipher.fromConfiguration(centreKey, centre).encrypt(NUMBER, "012211", "7");
        SnapshotKey snapshotKey = SnapshotKey.generate();
        String inSnapshot = snapshotKey.resealingFrom(new RegistryBulkWriter.KeySource(centreKey, centre))
                .reseal(sealedAtCentre, jp.jichitai.cloud.shared.TenantCode.of("012211"), "7");
        assertThat(inSnapshot).isNotEqualTo(sealedAtCentre).doesNotContain("123456789018");
        assertThatThrownBy(() -> IndividualNumberCipher.fromConfiguration(centreKey, centre).decrypt(inSnapshot, "012211", "7"))
                .as("the centre's key does not open the snapshot's numbers").hasMessageContaining("復号できません");

        snapshotKey.installInto(laptop);
        String laptopsOwnKey = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        IndividualNumberCipher onLaptop = IndividualNumberCipher.fromConfiguration(laptopsOwnKey, laptop);
        assertThat(onLaptop.decrypt(inSnapshot, "012211", "7")).isEqualTo(NUMBER);
        assertThat(SnapshotKey.installedIn(laptop)).contains(snapshotKey);
        assertThat(SnapshotKey.installedIn(centre)).isEmpty();
        assertThat(snapshotKey.toString()).doesNotContain(Base64.getEncoder().encodeToString(snapshotKey.bytes()));
    }
}
