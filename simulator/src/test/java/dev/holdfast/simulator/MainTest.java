package dev.holdfast.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class MainTest {

    @Test
    void helpDocumentsEveryOption() {
        StringWriter text = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(text));
        assertThat(cli.execute("--help")).isZero();
        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            assertThat(option.description()).as(option.longestName()).isNotEmpty();
            assertThat(text.toString()).contains(option.longestName());
        }
        assertThat(text.toString()).contains("--mode", "--ceiling", "--concurrency", "--speed", "--token");
    }

    @Test
    void badOptionsExitWithTwo() {
        StringWriter err = new StringWriter();
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err)).execute("--mode", "load"))
                .as("no server, no ceiling").isEqualTo(2);
        assertThat(err.toString()).contains("load mode needs --server");
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err)).execute("--no-such-option")).isEqualTo(2);
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err)).execute("--mode", "demo")).isEqualTo(2);
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err)).execute("--mode", "load", "--ceiling",
                "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--duration must be a time");
    }

    @Test
    void durations() {
        assertThat(Main.duration("60s", "--duration")).isEqualTo(Duration.ofSeconds(60));
        assertThat(Main.duration("10m", "--duration")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Main.duration("2h", "--duration")).isEqualTo(Duration.ofHours(2));
        assertThat(Main.duration("250ms", "--duration")).isEqualTo(Duration.ofMillis(250));
        assertThat(Main.duration("PT90S", "--duration")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Main.duration("0", "--warmup")).isZero();
        assertThatThrownBy(() -> Main.duration("soon", "--duration")).hasMessageContaining("--duration");
    }

    @Test
    void jsonForTheApiCalls() {
        assertThat(Json.write(java.util.Map.of("name", "Tool \"case\" 1", "tags", java.util.List.of("ibeacon:x"))))
                .isIn("{\"name\":\"Tool \\\"case\\\" 1\",\"tags\":[\"ibeacon:x\"]}",
                        "{\"tags\":[\"ibeacon:x\"],\"name\":\"Tool \\\"case\\\" 1\"}");
        String answer = "{\"deviceId\":\"0b7c\",\"token\":\"hfd_a\\\"b\",\"uploadIntervalSeconds\":900,\"bleFilter\":{}}";
        assertThat(Json.field(answer, "token")).contains("hfd_a\"b");
        assertThat(Json.field(answer, "uploadIntervalSeconds")).contains("900");
        assertThat(Json.field(answer, "missing")).isEmpty();
    }
}
