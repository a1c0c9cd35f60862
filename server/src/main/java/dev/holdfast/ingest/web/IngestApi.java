package dev.holdfast.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.ingest.domain.BatchIngestor;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.protocol.BatchFormatException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/batches} (device token): {@code 202 {batchId, status: accepted|duplicate}} once
 * committed; {@code 413} over the size or observation limits; {@code 422} naming the first bad field. Nothing is
 * stored unless the whole batch is good.
 */
@RestController
class IngestApi {

    private final BatchIngestor ingestor;
    private final IngestProperties properties;

    IngestApi(BatchIngestor ingestor, IngestProperties properties) {
        this.ingestor = ingestor;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/ingest/batches", consumes = "application/json")
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request) throws IOException {
        Actor actor = CurrentActor.get();
        if (actor.kind() != Actor.Kind.DEVICE || actor.id() == null) {
            throw ProblemException.forbidden("Only a collector device uploads batches");
        }
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        boolean gzipped = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        if (encoding != null && !gzipped && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding must be gzip or absent");
        }
        byte[] body = readBounded(request.getInputStream(), properties.maxBodyBytes());
        BatchIngestor.Result result;
        try {
            result = ingestor.ingest(actor.id(), body, gzipped);
        } catch (BatchFormatException e) {
            HttpStatus status = e.kind() == BatchFormatException.Kind.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE
                    : HttpStatus.UNPROCESSABLE_CONTENT;
            throw new ProblemException(status, e.getMessage(),
                    List.of(new ProblemException.FieldProblem(e.field(), e.reason())), null);
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read: " + e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batchId", result.batchId());
        answer.put("status", result.duplicate() ? "duplicate" : "accepted");
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
    }

    /** Reads at most {@code max} bytes; more is refused before it is buffered. */
    private static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "The body is larger than " + max + " bytes");
        }
        return bytes;
    }

}
