package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchFormatException.Kind.INVALID;
import static dev.holdfast.protocol.BatchFormatException.Kind.SYNTAX;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value rule, and that the error names exactly the first bad field. */
class BatchValidationTest {

    private static final String VALID = """
            {"batchId":"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11","sentAt":1763892000000,
             "gps":[{"t":1763891100000,"lat":48.1,"lon":11.5,"acc":6.5,"alt":519.0,"speed":1.3,"bearing":88.0},
                    {"t":1763891100001,"lat":48.2,"lon":11.6,"acc":5}],
             "ble":[{"t":1763891102500,"rssi":-71,"adv":"0201061aff4c00","mac":"C3:11:0A:5F:22:9B"}],
             "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}]}
            """;

    private final BatchCodec codec = new BatchCodec();

    @Test
    void theTemplateIsValid() throws Exception {
        assertThat(codec.decode(VALID.getBytes(UTF_8)).observationCount()).isEqualTo(4);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            "lat":48.2                          | "lat":90.5                       | gps[1].lat     | INVALID | between -90 and 90
            "lat":48.2                          | "lat":-90.01                     | gps[1].lat     | INVALID | between -90 and 90
            "lon":11.6                          | "lon":180.0001                   | gps[1].lon     | INVALID | between -180 and 180
            "lon":11.6                          | "lon":-181                       | gps[1].lon     | INVALID | between -180 and 180
            "acc":5                             | "acc":-0.1                       | gps[1].acc     | INVALID | 0 or more
            "acc":5                             | "acc":1e39                       | gps[1].acc     | INVALID | finite
            "alt":519.0                         | "alt":1e400                      | gps[0].alt     | INVALID | finite
            "speed":1.3                         | "speed":-1                       | gps[0].speed   | INVALID | 0 or more
            "bearing":88.0                      | "bearing":360                    | gps[0].bearing | INVALID | less than 360
            "bearing":88.0                      | "bearing":-0.5                   | gps[0].bearing | INVALID | at least 0
            "t":1763891100001                   | "t":0                            | gps[1].t       | INVALID | positive
            "t":1763891100001                   | "t":-5                           | gps[1].t       | INVALID | positive
            "t":1763891100001                   | "t":1763891100001.5              | gps[1].t       | SYNTAX  | must be an integer
            "t":1763891100001                   | "t":1.7e12                       | gps[1].t       | SYNTAX  | must be an integer
            "t":1763891100001                   | "t":99999999999999999999         | gps[1].t       | INVALID | out of range
            "t":1763891100001                   | "t":"1763891100001"              | gps[1].t       | SYNTAX  | must be an integer, not a string
            "lat":48.2                          | "lat":null                       | gps[1].lat     | SYNTAX  | must be a number, not null
            "lat":48.2                          | "lat":"48.2"                     | gps[1].lat     | SYNTAX  | must be a number, not a string
            "lat":48.2                          | "lat":48.2,"lat":48.3            | gps[1].lat     | INVALID | appears twice
            "lat":48.2,                         | ''                               | gps[1].lat     | INVALID | is required
            "rssi":-71                          | "rssi":-128                      | ble[0].rssi    | INVALID | between -127 and 20
            "rssi":-71                          | "rssi":21                        | ble[0].rssi    | INVALID | between -127 and 20
            "rssi":-71                          | "rssi":-71.5                     | ble[0].rssi    | SYNTAX  | must be an integer
            "adv":"0201061aff4c00"              | "adv":"0201061aff4c0"            | ble[0].adv     | INVALID | even number of hex digits
            "adv":"0201061aff4c00"              | "adv":"02"                       | ble[0].adv     | INVALID | 2 to 255 bytes
            "adv":"0201061aff4c00"              | "adv":""                         | ble[0].adv     | INVALID | 2 to 255 bytes
            "adv":"0201061aff4c00"              | "adv":"0201061aff4g00"           | ble[0].adv     | INVALID | hex digits only
            "adv":"0201061aff4c00"              | "adv":0201                       | ble[0].adv     | SYNTAX  | must be a string of hex digits, not a number
            "mac":"C3:11:0A:5F:22:9B"           | "mac":"C3:11:0A:5F:22"           | ble[0].mac     | INVALID | AA:BB:CC:DD:EE:FF
            "mac":"C3:11:0A:5F:22:9B"           | "mac":"C3-11-0A-5F-22-9B"        | ble[0].mac     | INVALID | AA:BB:CC:DD:EE:FF
            "dur":10000                         | "dur":0                          | motion[0].dur  | INVALID | positive
            "dur":10000                         | "dur":2147483648                 | motion[0].dur  | INVALID | positive
            "rms":0.42                          | "rms":-0.01                      | motion[0].rms  | INVALID | 0 or more
            "rms":0.42                          | "rms":true                       | motion[0].rms  | SYNTAX  | must be a number, not a boolean
            "batchId":"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11" | "batchId":"5b0a3c1e6c1f4a539b590d7e8e4d2f11" | batchId | INVALID | must be a UUID
            "batchId":"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11" | "batchId":"{5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d}" | batchId | INVALID | must be a UUID
            "batchId":"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11" | "batchId":42                  | batchId        | SYNTAX  | must be a UUID string, not a number
            "batchId":"5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11", | ''                          | batchId        | INVALID | is required
            "sentAt":1763892000000              | "sentAt":0                       | sentAt         | INVALID | positive
            "sentAt":1763892000000,             | ''                               | sentAt         | INVALID | is required
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":{}            | motion         | SYNTAX  | must be an array, not an object
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[5]           | motion[0]      | SYNTAX  | must be an object, not a number
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":1,"dur":1,"rms":1,}] | motion[0] | SYNTAX | expected a field name
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":1 "dur":1}] | motion[0]    | SYNTAX  | expected ',' or '}'
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":1,"dur":1,"rms":1}}] | motion[0] | SYNTAX | expected ',' or ']'
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":01,"dur":1,"rms":1}] | motion[0].t | SYNTAX | malformed number
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":1,"dur":1,"rms":.5}] | motion[0].rms | SYNTAX | must be a number
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":1,"dur":1,"rms":1.}] | motion[0].rms | SYNTAX | malformed number
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":1,"dur":1,"rms":1,"x":tru}] | motion[0].x | SYNTAX | malformed literal
            "motion":[{"t":1763891100000,"dur":10000,"rms":0.42}] | "motion":[{"t":1,"dur":1,"rms":1,"x":"a	b"}] | motion[0].x | SYNTAX | control character
            """)
    void namesTheFirstBadField(String valid, String bad, String path, BatchFormatException.Kind kind, String reason) {
        assertThat(VALID).contains(valid);
        String json = VALID.replaceFirst(java.util.regex.Pattern.quote(valid), java.util.regex.Matcher.quoteReplacement(bad));

        BatchFormatException e = catchThrowableOfType(BatchFormatException.class, () -> codec.decode(json.getBytes(UTF_8)));

        assertThat(e).as(json).isNotNull();
        assertThat(e.field()).isEqualTo(path);
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).isEqualTo(path + ": " + e.reason());
    }

    @Test
    void reportsTheFirstProblemInDocumentOrder() {
        String json = VALID.replace("\"lat\":48.2", "\"lat\":91").replace("\"rssi\":-71", "\"rssi\":99");
        assertThatThrownBy(() -> codec.decode(json.getBytes(UTF_8)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> assertThat(e.field()).isEqualTo("gps[1].lat"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                 | the body is empty
            '   '              | the body is empty
            []                 | must be a JSON object
            '{"batchId"'       | expected ':'
            '{"batchId":'      | must be a UUID string, not the end of input
            '{} {}'            | unexpected content after the batch object
            '{"a":1,}'         | expected a field name
            '{"a":[1,]}'       | unexpected character ']'
            '{"a":"\\x"}'      | malformed escape
            '{"a":"\\ud800\\u0041"}' | malformed surrogate pair
            """)
    void explainsBrokenDocuments(String json, String reason) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(UTF_8)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SYNTAX);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void quotesOddUnknownFieldNamesInThePath() {
        assertThatThrownBy(() -> codec.decode("{\"\":tru}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> assertThat(e.field()).isEqualTo("\"\""));
        assertThatThrownBy(() -> codec.decode("{\"a b\\u0001\":tru}".getBytes(UTF_8)))
                .isInstanceOfSatisfying(BatchFormatException.class,
                        e -> assertThat(e.field()).isEqualTo("\"a b\\u0001\""));
    }

    @Test
    void recordsAndBuildersApplyTheSameRules() {
        assertThatThrownBy(() -> new GpsFix(1, 91, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lat must be between -90 and 90");
        assertThatThrownBy(() -> new GpsFix(1, 0, 0, Float.NaN)).hasMessageStartingWith("acc");
        assertThatThrownBy(() -> new GpsFix(1, 0, 0, 1, null, null, 360f)).hasMessageStartingWith("bearing");
        assertThatThrownBy(() -> new BleSighting(1, -71, new byte[1], null)).hasMessageStartingWith("adv");
        assertThatThrownBy(() -> new BleSighting(1, -71, new byte[2], "nope")).hasMessageStartingWith("mac");
        assertThatThrownBy(() -> new MotionWindow(1, 0, 1)).hasMessageStartingWith("dur");
        assertThatThrownBy(() -> GpsFixes.builder().add(0, 0, 0, 0, Double.NaN, Float.NaN, Float.NaN))
                .hasMessageStartingWith("t");
        assertThatThrownBy(() -> BleSightings.builder().add(1, 30, new byte[2], null)).hasMessageStartingWith("rssi");
        assertThatThrownBy(() -> MotionWindows.builder().add(1, 1, -1)).hasMessageStartingWith("rms");
        assertThatThrownBy(() -> Batch.of(UUID.randomUUID(), 0, List.of(), List.of(), List.of()))
                .hasMessageStartingWith("sentAt");
        assertThat(new BleSighting(1, -71, new byte[2], "c3:11:0a:5f:22:9b").mac()).isEqualTo("C3:11:0A:5F:22:9B");
    }

    @Test
    void checksTheTimeWindowForTheServer() throws Exception {
        long now = 1_763_892_000_000L;
        long hour = 3_600_000L;
        Batch batch = Batch.of(UUID.randomUUID(), now,
                List.of(new GpsFix(now - hour, 1, 1, 1), new GpsFix(now, 1, 1, 1)),
                List.of(new BleSighting(now + 2 * hour, -60, new byte[2], null)),
                List.of(new MotionWindow(now - 40L * 24 * hour, 1000, 0)));

        long day = 24 * hour;

        assertThatThrownBy(() -> BatchValidator.checkTimeWindow(batch, now, hour, 30 * day))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> {
                    assertThat(e.field()).isEqualTo("ble[0].t");
                    assertThat(e.kind()).isEqualTo(INVALID);
                    assertThat(e.reason()).isEqualTo("is more than 3600 s in the future");
                });
        assertThatThrownBy(() -> BatchValidator.checkTimeWindow(batch, now, 2 * hour, 30 * day))
                .isInstanceOfSatisfying(BatchFormatException.class, e -> assertThat(e.field()).isEqualTo("motion[0].t"));
        BatchValidator.checkTimeWindow(batch, now, 2 * hour, 40 * day);
    }
}
