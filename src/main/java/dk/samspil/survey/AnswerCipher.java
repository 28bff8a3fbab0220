package dk.samspil.survey;

import dk.samspil.platform.SamspilSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals what a respondent writes before it reaches the database. A sent answer is sealed (AES-GCM) with the
 * application key, which is never in the database, until the {@link Mixer} releases it; a draft is sealed with a key
 * derived from the respondent's link, which the server does not keep (only the link's SHA-256 hash; each answer page derives
 * the key again from the link the respondent's browser carries, see {@link RespondentController}). Every sealed value is compressed and padded
 * to a whole number of {@link #BLOCK}s, so its size says nothing about the answer for all ordinary answers.
 */
@Component
@DependsOnDatabaseInitialization
class AnswerCipher {

    /** Sealed sizes are multiples of this; answers of up to some 8,000 characters of ordinary text fit in one. */
    static final int BLOCK = 4096;

    private static final int IV = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = IV + TAG_BITS / 8 + 2 * Integer.BYTES;
    private static final String DRAFT_KEY_LABEL = "samspil survey draft key v1";
    private static final String KEY_CHECK_LABEL = "samspil survey answer key check v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A draft key, derived from a link. Deliberately not serializable: it lives in one request's memory only, never in a store. */
    static final class DraftKey {
        private final SecretKey key;

        private DraftKey(SecretKey key) {
            this.key = key;
        }
    }

    /** What a sealed answer holds: the version answered and the answers as JSON. */
    record Opened(int versionNumber, String json) {}

    private final SecretKey applicationKey;

    AnswerCipher(AnonymitySettings settings, SamspilSettings samspil, JdbcClient jdbc) {
        this.applicationKey = new SecretKeySpec(applicationKey(settings, samspil), "AES");
        checkSameKey(jdbc);
    }

    /**
     * Refuses to start with another key than the one this database's answers are sealed with (a second instance set
     * up with its own key file would seal answers the others cannot open). The database keeps only an HMAC of a fixed
     * text under the key, which tells nothing about the key.
     */
    private void checkSameKey(JdbcClient jdbc) {
        String fingerprint;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(applicationKey.getEncoded(), "HmacSHA256"));
            fingerprint = HexFormat.of().formatHex(mac.doFinal(KEY_CHECK_LABEL.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("INSERT INTO survey_key_check (id, fingerprint) VALUES (1, ?) ON CONFLICT (id) DO NOTHING")
                .param(fingerprint)
                .update();
        String stored = jdbc.sql("SELECT fingerprint FROM survey_key_check WHERE id = 1")
                .query(String.class)
                .single();
        if (!stored.equals(fingerprint)) {
            throw new IllegalStateException(
                    "The survey answer key (samspil.survey.anonymity.key or its key file) is not the "
                            + "one this database's pending answers are sealed with. Give every instance the same key. If the key "
                            + "is lost, DELETE FROM survey_key_check to start with a new one; answers still sealed with the lost "
                            + "key then stay pending and unreadable.");
        }
    }

    /** The key of a link's drafts: HMAC-SHA256 of a fixed label under the token (the database has SHA-256 of it). */
    static DraftKey draftKey(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new DraftKey(
                    new SecretKeySpec(mac.doFinal(DRAFT_KEY_LABEL.getBytes(StandardCharsets.UTF_8)), "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] sealAnswer(long surveyId, int versionNumber, String json) {
        return seal(applicationKey, "answer:" + surveyId, versionNumber, json);
    }

    /** Opens a sealed answer; empty when it was sealed under another application key. */
    Optional<Opened> openAnswer(long surveyId, byte[] sealed) {
        return open(applicationKey, "answer:" + surveyId, sealed);
    }

    byte[] sealDraft(DraftKey key, long invitationId, String json) {
        return seal(key.key, "draft:" + invitationId, 0, json);
    }

    /** The draft's JSON, or empty when it does not open with this key (a draft from before drafts were sealed). */
    Optional<String> openDraft(DraftKey key, long invitationId, byte[] sealed) {
        return open(key.key, "draft:" + invitationId, sealed).map(Opened::json);
    }

    private static byte[] seal(SecretKey key, String context, int versionNumber, String json) {
        byte[] packed = deflate(json.getBytes(StandardCharsets.UTF_8));
        int blocks = Math.max(1, (packed.length + OVERHEAD + BLOCK - 1) / BLOCK);
        ByteBuffer plain = ByteBuffer.allocate(blocks * BLOCK - IV - TAG_BITS / 8);
        plain.putInt(versionNumber).putInt(packed.length).put(packed); // the rest stays zero: the padding
        try {
            byte[] iv = new byte[IV];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = new byte[blocks * BLOCK];
            System.arraycopy(iv, 0, sealed, 0, IV);
            cipher.doFinal(plain.array(), 0, plain.capacity(), sealed, IV);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Opened> open(SecretKey key, String context, byte[] sealed) {
        if (sealed == null || sealed.length < BLOCK) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            ByteBuffer plain = ByteBuffer.wrap(cipher.doFinal(sealed, IV, sealed.length - IV));
            int versionNumber = plain.getInt();
            byte[] packed = new byte[plain.getInt()];
            plain.get(packed);
            return Optional.of(new Opened(versionNumber, new String(inflate(packed), StandardCharsets.UTF_8)));
        } catch (AEADBadTagException wrongKey) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] bytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 3);
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("A sealed survey value is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        } finally {
            inflater.end();
        }
    }

    /** The configured key, else the key file (made with a new random key, readable by the owner only, if missing). */
    private static byte[] applicationKey(AnonymitySettings settings, SamspilSettings samspil) {
        if (!settings.key().isBlank()) {
            return decode(settings.key().strip(), "samspil.survey.anonymity.key");
        }
        Path file = settings.keyFile() != null
                ? settings.keyFile()
                : samspil.dataDir().resolve("survey-answer.key");
        try {
            if (Files.notExists(file)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(
                            file,
                            Base64.getEncoder().encodeToString(key) + "\n",
                            StandardOpenOption.CREATE_NEW,
                            StandardOpenOption.WRITE);
                    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    }
                } catch (FileAlreadyExistsException madeByAnotherInstance) {
                    // another instance on the same folder was quicker: use its key
                }
            }
            return decode(Files.readString(file).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the survey answer key " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The survey answer key in " + source + " is not Base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("The survey answer key in " + source + " must be 32 bytes (256 bits)");
        }
        return key;
    }
}
