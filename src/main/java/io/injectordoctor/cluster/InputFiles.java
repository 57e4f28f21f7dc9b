package io.injectordoctor.cluster;

import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens the files a command reads (snapshots, manifests, certificates, token files) so that no input
 * is read without bound: a regular file larger than the limit is refused before a byte is read, a
 * device (/dev/zero, /dev/urandom, a terminal) is refused outright, and a pipe (a process
 * substitution, /dev/stdin) is read up to the limit and refused when it goes past it. Every refusal
 * is one line naming the file, with exit 65.
 */
public final class InputFiles {
    /** st_mode's file-type bits (POSIX stat.h), as the "unix:mode" attribute gives them. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFSOCK = 0140000;

    private InputFiles() {
    }

    /** The input stream of {@code file}, bounded by {@code limit} bytes. */
    public static InputStream open(Path file, long limit) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isDirectory()) {
                throw new DoctorException(ExitCode.DATA, file + ": is a directory, not a file");
            }
            if (a.isRegularFile()) {
                if (a.size() > limit) {
                    throw tooLarge(file.toString(), limit);
                }
                return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            }
            if (!stream(file)) {
                throw new DoctorException(ExitCode.DATA, file + ": is a device, not a file (give a file, or a pipe)");
            }
            // FileInputStream, not Files.newInputStream: the channel's stream asks a pipe for its
            // position when buffered reads check what is available, and a pipe has none ("Illegal seek").
            return bounded(new java.io.FileInputStream(file.toFile()), limit, file.toString());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new DoctorException(ExitCode.DATA, file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DoctorException(ExitCode.DATA, file + ": cannot read: permission denied");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, file + ": cannot read: " + e.getMessage());
        }
    }

    /** The whole of {@code file} as UTF-8 text, bounded by {@code limit} bytes. */
    public static String readText(Path file, long limit) {
        try (InputStream in = open(file, limit)) {
            return utf8(in.readAllBytes(), file.toString());
        } catch (IOException e) {
            throw readFailure(e, file.toString(), limit);
        }
    }

    /** The whole of {@code file} as bytes, bounded by {@code limit}. */
    public static byte[] readBytes(Path file, long limit) {
        try (InputStream in = open(file, limit)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw readFailure(e, file.toString(), limit);
        }
    }

    /** The whole of a stream (standard input) as UTF-8 text, bounded by {@code limit} bytes. */
    public static String readText(InputStream in, long limit, String name) {
        try {
            return utf8(bounded(in, limit, name).readAllBytes(), name);
        } catch (IOException e) {
            throw readFailure(e, name, limit);
        }
    }

    /** A stream that fails with "larger than" once more than {@code limit} bytes came through it. */
    public static InputStream bounded(InputStream in, long limit, String name) {
        return new Bounded(in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16), limit, name);
    }

    /** The one-line error of an input past the limit. */
    public static DoctorException tooLarge(String name, long limit) {
        return new DoctorException(ExitCode.DATA, name + ": larger than " + describe(limit)
                + ", the most injector-doctor reads from a file");
    }

    /** "512 MiB". */
    public static String describe(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    /** An error while reading: the bound, or the I/O failure, as one line. */
    public static DoctorException readFailure(IOException e, String name, long limit) {
        if (e instanceof TooLarge) {
            return tooLarge(name, limit);
        }
        return new DoctorException(ExitCode.DATA, name + ": cannot read: " + e.getMessage());
    }

    private static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DoctorException(ExitCode.DATA, name + ": not UTF-8 text (binary data?)");
        }
    }

    /**
     * A pipe or a socket is a stream of input that ends; a character or block device may never end
     * (/dev/zero) or is a terminal. Where the file type cannot be told, it is read as a stream, bounded.
     */
    private static boolean stream(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            int type = mode & S_IFMT;
            return type == S_IFIFO || type == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException | ClassCastException e) {
            return true;
        }
    }

    /** Thrown by a bounded stream past its limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String name) {
            super(name + ": larger than the limit");
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private final String name;
        private long read;

        Bounded(InputStream in, long limit, String name) {
            super(in);
            this.limit = limit;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(name);
            }
        }
    }
}
