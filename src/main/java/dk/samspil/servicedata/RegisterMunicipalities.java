package dk.samspil.servicedata;

import dk.samspil.directory.NationalRegister;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The directory's question to the national practice file: which municipality each practice was last listed in. */
@Component
class RegisterMunicipalities implements NationalRegister {

    private final JdbcClient jdbc;

    RegisterMunicipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> municipalities(Collection<String> ydernumre) {
        Map<String, String> found = new HashMap<>();
        if (ydernumre.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (ydernummer) ydernummer, municipality_code FROM register_practice_period
                        WHERE ydernummer = ANY (?) ORDER BY ydernummer, period DESC""")
                .param(ydernumre.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString(1), rs.getString(2)))
                .list();
        return found;
    }
}
