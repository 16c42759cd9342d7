package jp.jichitai.cloud.cli;

/** Placeholder until the command line lands. */
public class JichitaiCommand {
    public static void main(String[] arguments) {
    }
}
