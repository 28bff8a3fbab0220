package dk.samspil.servicedata;

import dk.samspil.security.Access;
import dk.samspil.security.AccessRefusedException;
import dk.samspil.security.Role;
import dk.samspil.security.SamspilPrincipal;
import dk.samspil.servicedata.NationalFileImport.Result;
import dk.samspil.servicedata.PendingImports.Pending;
import dk.samspil.servicedata.RegisterRows.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The consultant's import of the national register files, with the format described and example files. */
@Controller
class RegisterDataController {

    static final String IMPORT_VIEW = "servicedata/import";

    static final String SERVICES_EXAMPLE = """
            Ydernummer;Periode;Ydelseskode;Antal
            100101;2025-03;0124;12
            100102;2025-03;0124;1.234
            100103;marts 2025;0124;0
            """;
    static final String PRACTICES_EXAMPLE = """
            Ydernummer;Periode;Tilmeldte patienter;Kommunekode
            100101;2025-03;6.120;0751
            100102;2025-03;4380;0751
            100103;2025M03;8950;751
            """;

    private final NationalFileImport imports;
    private final PendingImports pending;
    private final Access access;

    RegisterDataController(NationalFileImport imports, PendingImports pending, Access access) {
        this.imports = imports;
        this.pending = pending;
        this.access = access;
    }

    @GetMapping("/data/import")
    String page(@AuthenticationPrincipal SamspilPrincipal user, Model model) {
        requireImporter(user);
        model.addAttribute("kind", Kind.SERVICES.name());
        return IMPORT_VIEW;
    }

    @PostMapping("/data/import")
    String upload(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(defaultValue = "SERVICES") String kind,
            @RequestParam(required = false) MultipartFile file,
            Model model)
            throws IOException {
        requireImporter(user);
        Kind chosen = "PRACTICES".equals(kind) ? Kind.PRACTICES : Kind.SERVICES;
        model.addAttribute("kind", chosen.name());
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "servicedata.file.choose");
            return IMPORT_VIEW;
        }
        Path temp = Files.createTempFile("samspil-import-", ".upload");
        try {
            file.transferTo(temp);
            String name = file.getOriginalFilename() == null
                    ? "upload"
                    : Path.of(file.getOriginalFilename()).getFileName().toString();
            name = name.length() > 200 ? name.substring(0, 200) : name;
            Result result = imports.importFile(temp, chosen, name, user.getUsername());
            model.addAttribute("result", result);
            if (result.awaitsConfirmation()) {
                // The checked file waits (replacing an earlier one) until confirmed or cancelled, on any instance.
                UUID token = pending.keep(user.getUsername(), chosen, name, result.removedPractices(), temp);
                model.addAttribute("pendingToken", token.toString());
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return IMPORT_VIEW;
    }

    /** The answer to "dette fjerner N praksissers tal": import and remove them, or import nothing. */
    @PostMapping("/data/import/bekraeft")
    String confirm(
            @AuthenticationPrincipal SamspilPrincipal user,
            @RequestParam(defaultValue = "false") boolean remove,
            @RequestParam(defaultValue = "") String token,
            Model model) {
        requireImporter(user);
        // The token names the file the answer is about (another tab may have uploaded another file since).
        Optional<Pending> waiting = pending.find(user.getUsername(), token);
        model.addAttribute("kind", waiting.map(p -> p.kind().name()).orElse(Kind.SERVICES.name()));
        if (waiting.isEmpty()) {
            model.addAttribute("fileError", "servicedata.import.confirmGone");
            return IMPORT_VIEW;
        }
        Pending file = waiting.get();
        if (!remove) {
            pending.discard(file);
            model.addAttribute("cancelled", true);
            return IMPORT_VIEW;
        }
        Result result = pending.withFile(
                file,
                path -> imports.importFile(
                        path, file.kind(), file.fileName(), user.getUsername(), file.removedPractices()));
        model.addAttribute("result", result);
        if (result.awaitsConfirmation()) {
            // Other figures were imported meanwhile: the new number is asked for again, with the same file.
            pending.ask(file, result.removedPractices());
            model.addAttribute("pendingToken", file.token().toString());
        } else {
            pending.discard(file);
        }
        return IMPORT_VIEW;
    }

    @GetMapping("/data/import/eksempel-{kind}.csv")
    ResponseEntity<byte[]> example(@AuthenticationPrincipal SamspilPrincipal user, @PathVariable String kind) {
        requireImporter(user);
        String content = switch (kind) {
            case "ydelser" -> SERVICES_EXAMPLE;
            case "praksis" -> PRACTICES_EXAMPLE;
            default -> throw new AccessRefusedException("example:" + kind);
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("eksempel-" + kind + ".csv")
                                .build()
                                .toString())
                .body(content.getBytes(StandardCharsets.UTF_8));
    }

    private void requireImporter(SamspilPrincipal user) {
        access.require(user.is(Role.CONSULTANT) || user.isAdmin(), user, "register-import");
    }
}
