package dev.holdfast.ingest.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.holdfast.ingest.IngestProperties;
import dev.holdfast.ingest.domain.BatchIngestor;
import dev.holdfast.platform.Actor;
import dev.holdfast.platform.CurrentActor;
import dev.holdfast.platform.ProblemException;
import dev.holdfast.protocol.BatchFormatException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/ingest/batches} (device token): {@code 202 {batchId, status: accepted|duplicate}} once
 * committed; {@code 413} over the size or observation limits; {@code 422} naming the first bad field. Nothing is
 * stored unless the whole batch is good.
 *
 * <p>Measured by its own timer, {@code holdfast.ingest.uploads} with the tag {@code outcome} (accepted, duplicate,
 * refused: a 4xx, busy: a 503, failed: anything else), instead of the generic {@code http.server.requests}
 * observation ({@link #noRequestObservationForUploads()}): at thousands of uploads a second, that observation's
 * tags, long-task timer and context were a tenth of what an upload cost the request thread besides its data.
 */
@RestController
class IngestApi {

    static final String PATH = "/api/v1/ingest/batches";

    private final BatchIngestor ingestor;
    private final IngestProperties properties;
    private final Timer accepted;
    private final Timer duplicate;
    private final Timer refused;
    private final Timer busy;
    private final Timer failed;

    IngestApi(BatchIngestor ingestor, IngestProperties properties, MeterRegistry meters) {
        this.ingestor = ingestor;
        this.properties = properties;
        this.accepted = timer(meters, "accepted");
        this.duplicate = timer(meters, "duplicate");
        this.refused = timer(meters, "refused");
        this.busy = timer(meters, "busy");
        this.failed = timer(meters, "failed");
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("holdfast.ingest.uploads").description("Field data batch uploads, by outcome")
                .tag("outcome", outcome).register(meters);
    }

    /** The uploads are timed by {@code holdfast.ingest.uploads}, not by the generic server request observation. */
    @Bean
    static ObservationPredicate noRequestObservationForUploads() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && PATH.equals(request.getCarrier().getRequestURI()));
    }

    @PostMapping(path = PATH, consumes = "application/json")
    void upload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long started = System.nanoTime();
        Timer outcome = failed;
        try {
            BatchIngestor.Result result = store(request);
            outcome = result.duplicate() ? duplicate : accepted;
            answer(response, result);
        } catch (ProblemException e) {
            outcome = e.status() == HttpStatus.SERVICE_UNAVAILABLE ? busy : e.status().is4xxClientError() ? refused : failed;
            throw e;
        } finally {
            outcome.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private BatchIngestor.Result store(HttpServletRequest request) throws IOException {
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
        return result;
    }

    /**
     * Writes {@code 202 {"batchId": …, "status": "accepted"|"duplicate"}} with its length and without a flush, so
     * that the container sends the whole answer in one write when the request ends (a message converter flushes
     * first and sends it chunked: two writes, and a fifth of what an upload cost the request thread besides its
     * data went into the converter and the flush).
     */
    private static void answer(HttpServletResponse response, BatchIngestor.Result result) throws IOException {
        byte[] body = ("{\"batchId\":\"" + result.batchId() + "\",\"status\":\""
                + (result.duplicate() ? "duplicate" : "accepted") + "\"}").getBytes(StandardCharsets.US_ASCII);
        response.setStatus(HttpStatus.ACCEPTED.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
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
