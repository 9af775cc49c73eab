package kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders as written: picocli reads descriptions as format strings, so a bare '%' breaks them. */
class CommandHelpTest {

    @Test
    void every_command_renders_its_help_without_a_formatting_warning() {
        var root = new CommandLine(new Main());
        List<CommandLine> commands = new ArrayList<>(root.getSubcommands().values());
        commands.add(root);
        PrintStream original = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            for (CommandLine command : commands) {
                String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
                assertTrue(usage.contains("Usage:"), command.getCommandName() + ": " + usage);
            }
        } finally {
            System.setErr(original);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "picocli complained while rendering help");
        String generate = root.getSubcommands().get("generate").getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(generate.contains("~20% Chinese"), generate);
    }
}
