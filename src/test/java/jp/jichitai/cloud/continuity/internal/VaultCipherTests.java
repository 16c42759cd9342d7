package jp.jichitai.cloud.continuity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.shared.BusinessException;

class VaultCipherTests {

    private static final char[] PASSPHRASE = "a long enough passphrase".toCharArray();
    private static byte[] plain;
    private static byte[] encrypted;

    @BeforeAll
    static void encryptOnce() throws Exception {
        System.setProperty("jc.vault.pbkdf2-iterations", "210000");
        plain = "住民記録 ".repeat(500).getBytes(StandardCharsets.UTF_8);
        encrypted = VaultCipher.encrypt(plain, PASSPHRASE);
    }

    @Test
    void decryptsWhatItEncryptedAndHidesThePlainText() {
        assertThat(new String(encrypted, StandardCharsets.ISO_8859_1)).doesNotContain("JCVAULT\u0001住民");
        assertThat(VaultCipher.decrypt(encrypted, PASSPHRASE)).isEqualTo(plain);
    }

    @Test
    void theHeaderIsAuthenticatedToo() {
        byte[] changedIterations = encrypted.clone();
        changedIterations[8 + 16 + 3] ^= 1;
        assertThatThrownBy(() -> VaultCipher.decrypt(changedIterations, PASSPHRASE))
                .isInstanceOf(BusinessException.class).hasMessageContaining("合言葉");
        byte[] changedNonce = encrypted.clone();
        changedNonce[8 + 16 + 4] ^= 1;
        assertThatThrownBy(() -> VaultCipher.decrypt(changedNonce, PASSPHRASE))
                .isInstanceOf(BusinessException.class).hasMessageContaining("壊れて");
    }

    @Test
    void tooFewIterationsAreNeverUsedForANewFile() {
        System.setProperty("jc.vault.pbkdf2-iterations", "1000");
        try {
            assertThat(VaultCipher.iterationsForNewFiles()).isEqualTo(VaultCipher.MINIMUM_ITERATIONS);
        } finally {
            System.setProperty("jc.vault.pbkdf2-iterations", "210000");
        }
    }
}
