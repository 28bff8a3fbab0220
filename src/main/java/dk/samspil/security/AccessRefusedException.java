package dk.samspil.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Another organisation's data: answered as "not found", so nobody learns that it exists. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String target) {
        super("Access refused to " + target);
    }
}
