package dk.samspil.directory;

import dk.samspil.security.Organisations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The accounts' view of the registers' organisations. */
@Component
class DirectoryOrganisations implements Organisations {

    private final Directory directory;
    private final JdbcClient jdbc;

    DirectoryOrganisations(Directory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> name(Kind kind, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String sql = switch (kind) {
            case PROVIDER -> "SELECT name FROM provider WHERE code = ?";
            case MUNICIPALITY -> "SELECT name FROM municipality WHERE code = ?";
            case CLUSTER -> "SELECT name FROM cluster WHERE id = ?";
        };
        Object param = key;
        if (kind == Kind.CLUSTER) {
            if (!key.chars().allMatch(Character::isDigit) || key.length() > 18) {
                return Optional.empty();
            }
            param = Long.valueOf(key);
        }
        return jdbc.sql(sql).param(param).query(String.class).optional();
    }

    @Override
    public Map<String, String> all(Kind kind) {
        RegisterNames names = directory.names();
        return switch (kind) {
            case PROVIDER -> names.providers();
            case MUNICIPALITY -> names.municipalities();
            case CLUSTER -> {
                Map<String, String> clusters = new LinkedHashMap<>();
                names.clusters().forEach((id, name) -> clusters.put(String.valueOf(id), name));
                yield clusters;
            }
        };
    }
}
