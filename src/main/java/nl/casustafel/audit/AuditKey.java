package nl.casustafel.audit;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The key that signs the access log's checkpoints, kept outside the database: {@code CASUSTAFEL_AUDIT_KEY}
 * (base64, at least 32 bytes), else the file {@code audit.key} in the audit folder ({@code CASUSTAFEL_AUDIT_DIR},
 * default {@code ~/.casustafel}), made once with owner-only permissions. Keys used before a rotation stay
 * able to verify their checkpoints through {@code CASUSTAFEL_AUDIT_PREVIOUS_KEYS} (comma-separated).
 * A key is named in the database only by its id: the first 8 bytes of its SHA-256, in hex.
 */
@Singleton
public class AuditKey {

    static final int MIN_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(AuditKey.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final Path folder;
    private final String currentId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    public AuditKey(@Nullable @Value("${casustafel.audit.key:}") String key,
                    @Nullable @Value("${casustafel.audit.previous-keys:}") String previousKeys,
                    @Nullable @Value("${casustafel.audit.dir:}") String dir) {
        this.folder = dir == null || dir.isBlank() ? defaultFolder() : Path.of(dir);
        byte[] current = key == null || key.isBlank() ? fromFile(folder.resolve("audit.key")) : decode(key, "CASUSTAFEL_AUDIT_KEY");
        this.currentId = id(current);
        keys.put(currentId, current);
        if (previousKeys != null) {
            for (String previous : previousKeys.split(",")) {
                if (!previous.isBlank()) {
                    byte[] bytes = decode(previous.trim(), "CASUSTAFEL_AUDIT_PREVIOUS_KEYS");
                    keys.putIfAbsent(id(bytes), bytes);
                }
            }
        }
    }

    /** The folder of the key file and the log's external head. */
    public Path folder() {
        return folder;
    }

    /** The id of the key that signs new checkpoints. */
    public String currentId() {
        return currentId;
    }

    /** HMAC-SHA256 of the text under the current key, in hex. */
    public String sign(String text) {
        return mac(keys.get(currentId), text);
    }

    /** Whether a key with this id is known (current or previous). */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Whether the signature is the HMAC of the text under the key with this id; false for an unknown key. */
    public boolean verifies(String keyId, String text, String signature) {
        return Optional.ofNullable(keys.get(keyId))
                .map(k -> MessageDigest.isEqual(mac(k, text).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
    }

    static Path defaultFolder() {
        return Path.of(System.getProperty("casustafel.home", Path.of(System.getProperty("user.home"), ".casustafel").toString()));
    }

    private static String mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64");
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(source + " must hold at least " + MIN_BYTES + " bytes, it holds " + bytes.length);
        }
        return bytes;
    }

    /** Reads the key file, or makes it (owner-only) when there is none yet. */
    private static byte[] fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                create(file);
            }
            warnIfOpen(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the audit key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (Files.notExists(folder)) {
            Files.createDirectories(folder);
            restrict(folder, "rwx------");
        }
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(folder, "audit.key", ".new");
        restrict(temporary, "rw-------");
        Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            // Never replaces a key another process made in between: that one wins and this one is dropped.
            Files.createLink(file, temporary);
            LOG.info("Made a new audit key in {}; keep a copy of it apart from the database backups", file);
        } catch (FileAlreadyExistsException e) {
            LOG.debug("Audit key {} was made by another process", file);
        } catch (UnsupportedOperationException e) {
            Files.move(temporary, file);
            return;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            LOG.warn("Cannot restrict {} to its owner on this file system", path);
        }
    }

    private static void warnIfOpen(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!List.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE).containsAll(permissions)) {
                LOG.warn("The audit key {} can be read by others than its owner ({}); make it owner-only",
                        file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions here: nothing to check
        }
    }
}
