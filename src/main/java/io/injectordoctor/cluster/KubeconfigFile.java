package io.injectordoctor.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.injectordoctor.DoctorException;
import io.injectordoctor.ExitCode;
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

/**
 * One kubeconfig file read into a tree. The file is read once, from any kind of file kubectl
 * reads (a pipe such as --kubeconfig /dev/stdin or a process substitution included). A file that
 * cannot be parsed is reported with its position only: the text around the error may be a token
 * or a key, so no excerpt of it is ever part of a message or of an exception's cause.
 */
final class KubeconfigFile {
    /** Far more than any kubeconfig; a bound so that a wrong path to a huge file fails at once. */
    static final int MAX_BYTES = 16 << 20;

    private KubeconfigFile() {
    }

    /** The file's tree (an empty object for an empty file); null when the file does not exist. */
    static JsonNode read(Path file, boolean mustExist) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new DoctorException(ExitCode.DATA, file + ": is a directory, not a kubeconfig file");
            }
            bytes = readBounded(file);
        } catch (NoSuchFileException e) {
            if (mustExist) {
                throw new DoctorException(ExitCode.DATA, file + ": no such kubeconfig file");
            }
            return null;
        } catch (AccessDeniedException e) {
            throw new DoctorException(ExitCode.DATA, file + ": cannot read the kubeconfig: permission denied");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, file + ": cannot read the kubeconfig: " + e.getMessage());
        }
        return parse(bytes, file.toString());
    }

    private static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new DoctorException(ExitCode.DATA, file + ": larger than " + (MAX_BYTES >> 20)
                        + " MiB, not a kubeconfig file");
            }
            return bytes;
        }
    }

    static JsonNode parse(byte[] bytes, String name) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DoctorException(ExitCode.DATA, name + ": not UTF-8 text (binary data?), not a kubeconfig file");
        }
        if (text.indexOf('\0') >= 0) {
            throw new DoctorException(ExitCode.DATA, name + ": holds NUL bytes (binary data?), not a kubeconfig file");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return JsonTree.NODES.objectNode();
        }
        JsonNode root = trimmed.startsWith("{") ? json(text, name) : yaml(text, name);
        if (root == null || root.isNull()) {
            return JsonTree.NODES.objectNode();
        }
        if (!root.isObject()) {
            throw new DoctorException(ExitCode.DATA, name + ": not a kubeconfig (its top level is not a mapping)");
        }
        return root;
    }

    private static JsonNode json(String text, String name) {
        try {
            return JsonTree.read(text);
        } catch (JsonProcessingException e) {
            throw malformed(name, e.getLocation(), "JSON");
        } catch (IOException e) {
            throw new DoctorException(ExitCode.DATA, name + ": malformed kubeconfig (JSON)");
        }
    }

    private static JsonNode yaml(String text, String name) {
        JsonNode quick = KubeconfigYaml.parse(text);
        if (quick != null) {
            return quick;
        }
        try {
            return FullYaml.read(text);
        } catch (JsonProcessingException e) {
            throw malformed(name, e.getLocation(), "YAML");
        } catch (IOException | RuntimeException e) {
            throw new DoctorException(ExitCode.DATA, name + ": malformed kubeconfig (YAML)");
        }
    }

    /** Position only: the parser's own message quotes the text around the error, which may be a secret. */
    private static DoctorException malformed(String name, JsonLocation loc, String syntax) {
        String where = loc == null || loc.getLineNr() < 0 ? "" : ": line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new DoctorException(ExitCode.DATA, name + where + ": malformed kubeconfig (not valid " + syntax + ")");
    }

    /** The full YAML parser, loaded only for kubeconfigs the quick reader leaves to it. */
    private static final class FullYaml {
        private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

        static JsonNode read(String text) throws IOException {
            return MAPPER.readTree(text);
        }
    }
}
