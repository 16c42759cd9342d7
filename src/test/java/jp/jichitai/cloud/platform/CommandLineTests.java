package jp.jichitai.cloud.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import jp.jichitai.cloud.cli.JichitaiCommand;
import picocli.CommandLine;

class CommandLineTests {

    @Test
    void helpListsEverySubcommandWithOneLine() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new JichitaiCommand());
        commandLine.setOut(new PrintWriter(out));
        int status = commandLine.execute("help");
        assertThat(status).isZero();
        assertThat(out.toString()).contains("serve", "audit", "setup-tool", "gen", "victim-import", "vault", "drill", "test", "cluster", "backup", "help");
        for (String name : commandLine.getSubcommands().keySet()) {
            assertThat(out.toString()).as("help mentions " + name).containsPattern("(?m)^\\s+" + name + "\\s+\\S");
        }
    }

    @Test
    void aWrongTenantCodeIsRefusedWithAClearMessage() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = JichitaiCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute("audit", "verify", "--tenant", "012212", "--data", "target/no-such-data");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("E-TEN-0002 団体コードの検査数字が正しくありません。");
    }
}
