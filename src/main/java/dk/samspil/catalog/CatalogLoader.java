package dk.samspil.catalog;

import dk.samspil.catalog.PackageDefinition.ItemKind;
import dk.samspil.catalog.PackageDefinition.PackageStatus;
import dk.samspil.catalog.PackageDefinition.Question;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads {@code classpath:catalog/*.yaml} into the database at start-up, before the web server takes requests. A package whose file is unchanged is left
 * alone; a changed file makes a new version of the package, which the catalogue shows; the versions before are kept for the orders placed with them. Safe when several instances start
 * at once (an advisory lock serialises them).
 */
@Component
class CatalogLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);
    static final String LOCATION = "classpath*:catalog/*.yaml";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final TransactionTemplate transaction;

    CatalogLoader(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            load(new PathMatchingResourcePatternResolver().getResources(LOCATION));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read the package catalogue", unreadable);
        }
    }

    /** @return how many packages were inserted or changed, all in one transaction */
    public int load(Resource... resources) throws IOException {
        List<PackageFile> files = new ArrayList<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                files.add(new PackageFile(resource.getFilename(), in.readAllBytes()));
            }
        }
        Integer changed = transaction.execute(status -> store(files));
        log.info("Catalogue: {} package files read, {} new or changed", files.size(), changed);
        return changed;
    }

    private record PackageFile(String name, byte[] content) {}

    private int store(List<PackageFile> files) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('samspil.catalog'))")
                .query()
                .singleValue();
        int changed = 0;
        for (PackageFile file : files) {
            byte[] content = file.content();
            PackageDefinition definition = parse(file.name(), content);
            // A package its provider has published from Samspil is theirs: the shipped file no longer changes it.
            int stored = jdbc.sql("""
                            INSERT INTO catalog_package
                                (slug, title, provider_code, status, definition, content_hash, file_hash)
                            VALUES (:slug, :title, :provider, :status, CAST(:definition AS jsonb), :hash, :hash)
                            ON CONFLICT (slug) DO UPDATE
                               SET title = EXCLUDED.title, provider_code = EXCLUDED.provider_code,
                                   status = EXCLUDED.status, definition = EXCLUDED.definition,
                                   content_hash = EXCLUDED.content_hash, file_hash = EXCLUDED.file_hash,
                                   version = catalog_package.version + 1, updated_at = now()
                             WHERE catalog_package.file_hash IS DISTINCT FROM EXCLUDED.file_hash
                               AND catalog_package.edited_at IS NULL""")
                    .param("slug", definition.slug())
                    .param("title", definition.title())
                    .param("provider", definition.provider())
                    .param("status", definition.status().name())
                    .param("definition", json.writeValueAsString(definition))
                    .param("hash", sha256(content))
                    .update();
            if (stored > 0) {
                // The new version is kept beside the old ones, which the orders placed with them go on reading.
                jdbc.sql("""
                                INSERT INTO catalog_package_version (slug, version, definition)
                                SELECT slug, version, definition FROM catalog_package WHERE slug = ?
                                ON CONFLICT (slug, version) DO NOTHING""").param(definition.slug()).update();
            }
            changed += stored;
        }
        return changed;
    }

    /** The package as a package file: what {@link #parse} reads back as the same package. */
    static String write(PackageDefinition definition) {
        return YAML.writeValueAsString(definition);
    }

    static PackageDefinition parse(String name, byte[] content) {
        PackageDefinition definition = YAML.readValue(content, PackageDefinition.class);
        validate(name, definition);
        return definition;
    }

    static void validate(String name, PackageDefinition p) {
        require(p.slug() != null && p.slug().matches("[a-z0-9-]{2,80}"), name, "slug must be lowercase ascii", "slug");
        require(p.title() != null && !p.title().isBlank(), name, "title is required", "title");
        require(p.provider() != null, name, "provider is required", "provider");
        require(p.status() != null, name, "status is required", "status");
        if (p.status() == PackageStatus.OFFERED) {
            int minutes = p.programme().stream()
                    .mapToInt(PackageDefinition.ProgrammeItem::minutes)
                    .sum();
            require(
                    minutes == p.meetingMinutes(),
                    name,
                    "programme minutes (" + minutes + ") differ from meetingMinutes (" + p.meetingMinutes() + ")",
                    "minutes",
                    String.valueOf(minutes),
                    String.valueOf(p.meetingMinutes()));
            require(
                    p.leadTime() != null && p.leadTime().weeks() > 0,
                    name,
                    "an offered package needs a lead time",
                    "leadTime");
            require(
                    p.programme().stream().anyMatch(item -> item.kind() == ItemKind.BLOCK),
                    name,
                    "no programme blocks",
                    "blocks");
        }
        Set<String> keys = new HashSet<>();
        for (Question question : p.questionnaire().questions()) {
            require(
                    question.key() != null && keys.add(question.key()),
                    name,
                    "duplicate or missing question key " + question.key(),
                    "questionKey",
                    String.valueOf(question.key()));
            require(
                    question.type() != null,
                    name,
                    "question " + question.key() + " has no type",
                    "questionType",
                    String.valueOf(question.key()));
            boolean closed = question.type() != PackageDefinition.QuestionType.TEXT;
            require(
                    closed == !question.options().isEmpty(),
                    name,
                    "question " + question.key() + ": options go with SCALE, MULTIPLE and GRID only",
                    "questionOptions",
                    String.valueOf(question.key()));
            require(
                    question.type() != PackageDefinition.QuestionType.GRID
                            || (question.options().size() >= 2
                                    && question.rows().size() >= 2),
                    name,
                    "question " + question.key() + ": a GRID needs at least two options and two rows",
                    "questionRows",
                    String.valueOf(question.key()));
        }
        for (PackageDefinition.DrejebogTask task : p.drejebog()) {
            boolean before = task.weeksBefore() != null && task.weeksBefore() >= 0 && task.weeksBefore() <= 104;
            boolean after = task.weeksAfter() != null && task.weeksAfter() >= 0 && task.weeksAfter() <= 104;
            require(
                    task.title() != null
                            && !task.title().isBlank()
                            && task.title().length() <= 300
                            && task.owner() != null
                            && (before != after)
                            && (task.weeksBefore() == null || task.weeksAfter() == null),
                    name,
                    "a drejebog task needs a title, an owner and weeksBefore or weeksAfter (0-104)",
                    "drejebog",
                    String.valueOf(task.title()));
        }
        if (p.electiveTopics() != null) {
            require(
                    p.electiveTopics().choose() > 0
                            && p.electiveTopics().choose()
                                    <= p.electiveTopics().options().size(),
                    name,
                    "electiveTopics.choose must be between 1 and the number of options",
                    "electives");
        }
    }

    /**
     * A package file that breaks a rule: the message for the log (English, as a developer reads it), and the rule's
     * key ({@code editor.import.rule.<rule>} in the bundle) with its arguments for the consultant who uploaded it.
     */
    static final class BrokenRule extends IllegalStateException {
        final String rule;
        final transient Object[] args;

        BrokenRule(String message, String rule, Object[] args) {
            super(message);
            this.rule = rule;
            this.args = args;
        }
    }

    private static void require(boolean condition, String file, String problem, String rule, Object... args) {
        if (!condition) {
            throw new BrokenRule("Package file " + file + ": " + problem, rule, args);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
