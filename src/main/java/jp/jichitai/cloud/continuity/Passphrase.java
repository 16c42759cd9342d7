package jp.jichitai.cloud.continuity;

import java.io.Console;
import java.util.Arrays;
import java.util.function.Function;

import jp.jichitai.cloud.continuity.internal.ContinuityMessages;

/**
 * 合言葉 (passphrase) of a vault file. Taken from the environment ({@code JC_VAULT_PASSPHRASE}) or typed at
 * the terminal, never from the command line, where other users of the machine could read it in the
 * process list and where it would stay in the shell's history.
 */
public final class Passphrase implements AutoCloseable {

    public static final String ENVIRONMENT_VARIABLE = "JC_VAULT_PASSPHRASE";
    public static final int MINIMUM_LENGTH = 12;

    private final char[] characters;

    private Passphrase(char[] characters) {
        this.characters = characters;
    }

    /** A passphrase to read a file with: any length (the file says whether it is right). */
    public static Passphrase of(char[] characters) {
        if (characters == null || characters.length == 0) {
            throw ContinuityMessages.refusal("E-CON-0007");
        }
        return new Passphrase(characters.clone());
    }

    /** A passphrase to write a new file with: at least {@value #MINIMUM_LENGTH} characters. */
    public static Passphrase forNewFile(char[] characters) {
        Passphrase passphrase = of(characters);
        if (characters.length < MINIMUM_LENGTH) {
            throw ContinuityMessages.refusal("E-CON-0010", MINIMUM_LENGTH);
        }
        return passphrase;
    }

    /**
     * From the environment, else from the terminal (asked twice when {@code confirm}); refused when there is
     * neither.
     */
    public static Passphrase fromEnvironmentOrTerminal(Function<String, String> environment, Console console,
            boolean confirm) {
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return confirm ? forNewFile(fromEnvironment.toCharArray()) : of(fromEnvironment.toCharArray());
        }
        if (console == null) {
            throw ContinuityMessages.refusal("E-CON-0007");
        }
        char[] first = console.readPassword("合言葉: ");
        if (!confirm) {
            return of(first);
        }
        char[] second = console.readPassword("合言葉（確認）: ");
        try {
            if (first == null || !Arrays.equals(first, second)) {
                throw ContinuityMessages.refusal("E-CON-0011");
            }
            return forNewFile(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    char[] characters() {
        return characters;
    }

    @Override
    public void close() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public String toString() {
        return "Passphrase[****]";
    }
}
