package io.injectordoctor.cluster;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that whoever reads it sees either what it held before or the whole new content,
 * never a part: the content goes to a temporary file in the same directory, is forced to disk, and
 * is renamed over the target in one step. When writing fails, the temporary file is removed and the
 * target is left as it was. The new file is readable by its owner only (a capture is incident data). A target that exists and is not a regular file (a device such as
 * /dev/stdout, a pipe) cannot be replaced by a rename, and is written in place.
 */
public final class AtomicFile {
    /** Writes the content. */
    public interface Body {
        void write(Writer out) throws IOException;
    }

    private AtomicFile() {
    }

    /** The directory a temporary file for {@code target} belongs in: the target's own. */
    public static Path directoryOf(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** Whether {@code target} is replaced by a rename (else it is written in place). */
    public static boolean replaceable(Path target) {
        return !Files.exists(target) || Files.isRegularFile(target);
    }

    public static void write(Path link, Body body) throws IOException {
        // Through a symbolic link, the file it names is replaced, not the link.
        Path target = Files.isSymbolicLink(link) && Files.exists(link) ? link.toRealPath() : link;
        if (!replaceable(target)) {
            try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
                body.write(w);
            }
            return;
        }
        Path dir = directoryOf(target);
        if (!Files.isDirectory(dir)) {
            throw new java.nio.file.NoSuchFileException(dir.toString(), null, "no such directory");
        }
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    Writer w = new java.io.BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), 1 << 16)) {
                body.write(w);
                w.flush();
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
