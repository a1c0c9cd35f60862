package dev.holdfast.inventory.web;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.inventory.domain.AssetImport;
import dev.holdfast.inventory.domain.ImportProperties;
import dev.holdfast.platform.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** CSV for people in the browser: export of the current list filter, and an import form with its report. */
@Controller
class AssetCsvPages {

    private final AssetCsvApi api;
    private final AssetImport importer;
    private final ImportProperties properties;
    private final ImportJobs jobs;

    AssetCsvPages(AssetCsvApi api, AssetImport importer, ImportProperties properties, ImportJobs jobs) {
        this.jobs = jobs;
        this.api = api;
        this.importer = importer;
        this.properties = properties;
    }

    @GetMapping("/assets/export.csv")
    void export(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String location, HttpServletResponse response) throws IOException {
        PageAccess.requireMember();
        api.export(q, status, category, location, response);
    }

    @GetMapping("/assets/import")
    String form() {
        PageAccess.requireWriter();
        return "inventory/import";
    }

    @PostMapping("/assets/import")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun, Model model, HttpServletResponse response)
            throws IOException {
        PageAccess.requireWriter();
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalid("file", "choose a CSV file to import");
            }
            if (file.getSize() > properties.maxSize().toBytes()) {
                throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than the limit of "
                        + properties.maxSize() + "; split it and import the parts");
            }
            String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
            if (file.getSize() >= properties.backgroundFrom().toBytes()) {
                ImportJobs.Job job = jobs.start(file.getBytes(), name, dryRun);
                return "redirect:/assets/import/" + job.id();
            }
            model.addAttribute("result", importer.run(file.getBytes(), dryRun));
            model.addAttribute("fileName", name);
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
        }
        return "inventory/import";
    }

    /** A background import: its progress, then its report. */
    @GetMapping("/assets/import/{jobId}")
    String job(@PathVariable UUID jobId, Model model) {
        PageAccess.requireWriter();
        model.addAttribute("job", jobs.find(jobId).orElseThrow(() -> ProblemException.notFound("Import")));
        return "inventory/import";
    }

    /** The progress fragment the job page polls (htmx); once finished it carries the report and stops polling. */
    @GetMapping("/assets/import/{jobId}/progress")
    String progress(@PathVariable UUID jobId, Model model) {
        PageAccess.requireWriter();
        model.addAttribute("job", jobs.find(jobId).orElseThrow(() -> ProblemException.notFound("Import")));
        return "inventory/import :: progress";
    }
}
