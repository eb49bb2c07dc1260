package dev.custodian.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a Markdown file with the HTML comment right before each ({@code <!-- name -->}): how a test
 * finds the commands a document shows in order to run them as they stand.
 */
public final class MarkedBlocks {

    private static final Pattern FENCE = Pattern.compile("(?m)^```[^\\n]*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern MARKER = Pattern.compile("<!-- ([^>]*?) -->\\s*$");

    private MarkedBlocks() {
    }

    /** A block: its marker ({@code null} when the line before the fence is not one), its text and its first line. */
    public record Block(String marker, String text, int line) {
    }

    public static List<Block> in(Path markdown) throws IOException {
        String text = Files.readString(markdown);
        List<Block> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            String before = text.substring(0, fence.start()).stripTrailing();
            Matcher marker = MARKER.matcher(before.substring(before.lastIndexOf('\n') + 1));
            int line = (int) text.substring(0, fence.start()).chars().filter(c -> c == '\n').count() + 1;
            blocks.add(new Block(marker.find() ? marker.group(1) : null, fence.group(1), line));
        }
        return blocks;
    }

    /**
     * Runs the blocks marked {@code <!-- name -->} with {@code bash -eu -o pipefail} in {@code directory} and answers
     * what they printed (stdout and stderr); fails, with that output, unless they exit 0 within two minutes.
     */
    public static String run(Path markdown, String name, Path directory) throws IOException, InterruptedException {
        Process bash = new ProcessBuilder("bash", "-eu", "-o", "pipefail", "-c", named(markdown, name))
                .directory(directory.toFile()).redirectErrorStream(true).start();
        byte[] output = bash.getInputStream().readAllBytes();
        boolean ended = bash.waitFor(2, java.util.concurrent.TimeUnit.MINUTES);
        String printed = new String(output, java.nio.charset.StandardCharsets.UTF_8);
        if (!ended || bash.exitValue() != 0) {
            bash.destroyForcibly();
            throw new AssertionError("the block <!-- " + name + " --> of " + markdown + " failed ("
                    + (ended ? "exit " + bash.exitValue() : "still running after 2 minutes") + "):\n" + printed);
        }
        return printed;
    }

    /** The blocks marked {@code <!-- name -->}, joined in order; fails when there is none. */
    public static String named(Path markdown, String name) throws IOException {
        List<String> found = in(markdown).stream().filter(b -> name.equals(b.marker())).map(Block::text).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("no block marked <!-- " + name + " --> in " + markdown);
        }
        return String.join("\n", found);
    }
}
