package dk.samspil.directory;

import java.util.Collection;
import java.util.Map;

/**
 * What the national register files say of practices, as the directory asks it (the register data module answers;
 * the directory depends on no other module for it): the municipality each ydernummer last had listed patients in.
 */
public interface NationalRegister {

    /** Ydernummer → municipality code of its newest month in the national practice file; unknown ones left out. */
    Map<String, String> municipalities(Collection<String> ydernumre);
}
