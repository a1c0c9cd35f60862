package dev.holdfast.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import dev.holdfast.accounts.AccountsProperties;
import dev.holdfast.accounts.Role;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The device pages of a company admin: enrolment with a QR code, the list, identifier and confirmed actions. */
class FleetPagesTest extends WebTest {

    private static final Pattern QR = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final Pattern CODE = Pattern.compile("id=\"code\">([0-9A-Z-]+)<");

    @Autowired
    AccountsProperties accountsProperties;

    FleetClient fleet;
    TestAccounts.Person owner;
    WebClient browser;

    @BeforeEach
    void setUp() {
        fleet = new FleetClient(port);
        owner = accounts.owner("Pages Fleet");
        browser = new WebClient(port);
        browser.login(owner.email(), TestAccounts.PASSWORD);
    }

    @Test
    void anAdminCreatesACodeShownAsAQrCodeThatEnrolsADevice() throws Exception {
        assertThat(browser.get("/devices/enrollment").statusCode()).isEqualTo(200);
        HttpResponse<String> created = browser.submit("/devices/enrollment", "/devices/enrollment",
                Map.of("ttlMinutes", "30", "maxUses", "2"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        Matcher code = CODE.matcher(created.body());
        assertThat(code.find()).isTrue();
        Matcher qr = QR.matcher(created.body());
        assertThat(qr.find()).as("QR code inline as a PNG data URI").isTrue();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.group(1))));
        String content = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer( // the code alone: no detector
                new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        String server = accountsProperties.link("");
        assertThat(content).isEqualTo("holdfast://enroll?server=" + URLEncoder.encode(server, StandardCharsets.UTF_8)
                + "&code=" + code.group(1));

        FleetClient.Enrolled device = fleet.enrolled(code.group(1), FleetClient.hardwareId());
        HttpResponse<String> list = browser.get("/devices");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("data-device-id=\"" + device.deviceId() + "\"", "Pixel 8", "1.4.0");
        assertThat(browser.get("/devices/enrollment").body()).as("the code is listed, never shown again")
                .contains("1 of 2").doesNotContain(code.group(1));

        HttpResponse<String> bad = browser.submit("/devices/enrollment", "/devices/enrollment", Map.of("ttlMinutes", "0"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"ttlMinutes-error\"");
    }

    @Test
    void identifierAndActionsGoThroughConfirmationPages() {
        FleetClient.Enrolled device = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), FleetClient.hardwareId());
        String page = "/devices/" + device.deviceId();
        assertThat(browser.get(page).statusCode()).isEqualTo(200);

        HttpResponse<String> bad = browser.submit(page, page + "/identifier", Map.of("identifier", "x"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"identifier-error\"");
        HttpResponse<String> set = browser.submit(page, page + "/identifier", Map.of("identifier", "van-12"));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(browser.get(page).body()).contains("van-12");

        for (String action : List.of("rotate", "erase", "revoke")) {
            HttpResponse<String> confirm = browser.get(page + "/" + action);
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("id=\"confirm\"", "Cancel");
            HttpResponse<String> done = browser.submit(page + "/" + action, page + "/" + action, Map.of());
            assertThat(done.statusCode()).as(action).isEqualTo(302);
        }
        assertThat(browser.get(page).body()).doesNotContain("van-12").contains("revoked");
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(401);
        assertThat(browser.post(page + "/revoke", Map.of()).statusCode()).as("no CSRF token, no action").isEqualTo(403);
    }

    @Test
    void onlyAdminsAndOwnersOfTheCompanySeeDevicePages() {
        FleetClient.Enrolled device = fleet.enrolled(fleet.code(accounts.as(owner), Map.of()), FleetClient.hardwareId());
        for (Role role : List.of(Role.MANAGER, Role.VIEWER)) {
            TestAccounts.Person member = accounts.member(owner, role);
            WebClient them = new WebClient(port);
            them.login(member.email(), TestAccounts.PASSWORD);
            assertThat(them.get("/devices").statusCode()).isEqualTo(403);
            assertThat(them.get("/devices/enrollment").statusCode()).isEqualTo(403);
            assertThat(them.get("/devices/" + device.deviceId()).statusCode()).isEqualTo(403);
            assertThat(them.submit("/", "/devices/" + device.deviceId() + "/revoke", Map.of()).statusCode())
                    .isEqualTo(403);
        }
        TestAccounts.Person stranger = accounts.owner("Stranger Pages");
        WebClient them = new WebClient(port);
        them.login(stranger.email(), TestAccounts.PASSWORD);
        assertThat(them.get("/devices/" + device.deviceId()).statusCode()).isEqualTo(404);
        assertThat(them.get("/devices/" + device.deviceId() + "/erase").statusCode()).isEqualTo(404);
        assertThat(them.submit("/devices", "/devices/" + device.deviceId() + "/erase", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(them.get("/devices").body()).doesNotContain(device.deviceId().toString());
        assertThat(fleet.put(device.token(), "/api/v1/devices/self/telemetry", Map.of()).status()).isEqualTo(204);
    }
}
