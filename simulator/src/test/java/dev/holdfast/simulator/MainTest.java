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
        assertThat(text.toString()).contains("--mode", "--ceiling", "--concurrency", "--speed", "--token", "accuracy",
                "--gps-sigma", "--rssi-sigma", "--tags", "--window", "--settle");
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
    void accuracyNeedsAManagersTokenAndAWindowOfTenMinutesToADay() {
        StringWriter err = new StringWriter();
        String[] server = {"--mode", "accuracy", "--server", "http://127.0.0.1:9", "--code", "ABCD-EFGH"};
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err)).execute(server)).isEqualTo(2);
        assertThat(err.toString()).contains("accuracy mode needs --server, --code and --token");
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err)).execute(with(server, "--token", "hf_x",
                "--window", "25h"))).isEqualTo(2);
        assertThat(err.toString()).contains("--window must be from 10m to 24h");
        assertThat(new CommandLine(new Main()).setErr(new PrintWriter(err)).execute(with(server, "--token", "hf_x",
                "--gps-sigma", "-1"))).isEqualTo(2);
        assertThat(err.toString()).contains("--gps-sigma must be");
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
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
