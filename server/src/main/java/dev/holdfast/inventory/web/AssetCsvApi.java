package dev.holdfast.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.holdfast.activity.AuditTrail;
import dev.holdfast.inventory.domain.AssetExport;
import dev.holdfast.inventory.domain.AssetImport;
import dev.holdfast.inventory.domain.AssetQuery;
import dev.holdfast.inventory.domain.ImportProperties;
import dev.holdfast.platform.ProblemException;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV export and import of assets (API.md, Inventory). Export needs any role, import Manager or more (URL rules for
 * GET and other methods on /api/v1/assets/**).
 */
@RestController
class AssetCsvApi {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final AssetExport export;
    private final AssetImport importer;
    private final AuditTrail audit;
    private final ImportProperties properties;

    AssetCsvApi(AssetExport export, AssetImport importer, AuditTrail audit, ImportProperties properties) {
        this.export = export;
        this.importer = importer;
        this.audit = audit;
        this.properties = properties;
    }

    /**
     * Streams every asset matching the list filters: rows go to the response while the cursor reads them. This
     * writes on the request thread rather than returning a {@code StreamingResponseBody}: the async re-dispatch that
     * one needs is not authenticated by the stateless bearer-token chain (it answers 403 on a committed response).
     */
    @GetMapping("/api/v1/assets/export.csv")
    void export(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String location, HttpServletResponse response) throws IOException {
        AssetQuery query = new AssetQuery(q, status, category, location, null, 1, null);
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("status", status);
        filters.put("category", category);
        filters.put("location", location);
        audit.record("asset.exported", "asset-export", UUID.randomUUID().toString(), null, filters);
        response.setContentType(TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assets-" + LocalDate.now() + ".csv\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.write(query, response.getOutputStream());
        response.flushBuffer();
    }

    /** The file as the request body ({@code Content-Type: text/csv}). */
    @PostMapping(value = "/api/v1/assets/import", consumes = {"text/csv", "application/csv", "text/plain",
        "application/vnd.ms-excel", "application/octet-stream"})
    AssetImport.Result importBody(InputStream body, @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        long max = properties.maxSize().toBytes();
        byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw tooLarge(max);
        }
        return importer.run(bytes, dryRun);
    }

    /** The file as the {@code file} part of a form upload. */
    @PostMapping(value = "/api/v1/assets/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    AssetImport.Result importFile(@RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        long max = properties.maxSize().toBytes();
        if (file.getSize() > max) {
            throw tooLarge(max);
        }
        return importer.run(file.getBytes(), dryRun);
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "The file is larger than the limit of " + max + " bytes");
    }
}
