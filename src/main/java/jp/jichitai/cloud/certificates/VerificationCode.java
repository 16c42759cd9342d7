package jp.jichitai.cloud.certificates;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * 検証コード (verification code): twelve characters printed on a certificate (and encoded in its QR
 * code) with which anyone can ask the public verification page whether the certificate was issued.
 *
 * <p>The alphabet leaves out characters that are misread on paper (0/O, 1/I/L) so that the code can be
 * typed from a printed copy. Twelve characters of 31 give about 59 bits: unguessable, so the page can be
 * public. Printed in groups of four ({@code ABCD-EFGH-JKMN}); either form is accepted.
 */
public final class VerificationCode {

    /** Digits and capitals without 0, 1, I, L and O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 12;

    private static final Pattern FORM = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private VerificationCode(String value) {
        this.value = value;
    }

    /** A new random code. */
    public static VerificationCode random() {
        char[] characters = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            characters[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new VerificationCode(new String(characters));
    }

    /** Parses a code as typed or printed: with or without the hyphens between groups. */
    public static VerificationCode of(String text) {
        String plain = text == null ? null : text.replace("-", "");
        if (plain == null || !FORM.matcher(plain).matches()) {
            throw new IllegalArgumentException("not a verification code: " + text);
        }
        return new VerificationCode(plain);
    }

    /** The twelve characters, as used in the verification URL. */
    public String value() {
        return value;
    }

    /** The printed form, {@code ABCD-EFGH-JKMN}. */
    public String grouped() {
        return value.substring(0, 4) + '-' + value.substring(4, 8) + '-' + value.substring(8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationCode code && code.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
