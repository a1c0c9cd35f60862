package dev.holdfast.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.holdfast.accounts.Role;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebClient;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The management pages of reference data, the audits and overdue lists, bulk check-in, and who sees what. */
class InventoryManagementPagesTest extends WebTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final List<String> KINDS = List.of("categories", "manufacturers", "models", "locations",
            "status-labels", "people", "departments");

    TestAccounts.Person owner;
    ApiClient api;
    WebClient manager;

    @BeforeEach
    void company() {
        owner = accounts.owner("Manage Inc");
        api = accounts.as(owner);
        manager = signedIn(accounts.member(owner, Role.MANAGER));
    }

    @Test
    void everyListShowsAnEmptyStateFirstAndEveryFormAnswersWithoutInlineCode() {
        for (String kind : KINDS) {
            HttpResponse<String> list = manager.get("/inventory/" + kind);
            assertThat(list.statusCode()).as(kind).isEqualTo(200);
            if (!kind.equals("status-labels")) { // a company starts with default status labels
                assertThat(list.body()).as(kind).contains("id=\"empty-state\"", "id=\"add-first\"");
            }
            for (String path : List.of("/inventory/" + kind, "/inventory/" + kind + "/new", "/assets/audits", "/assets/overdue")) {
                String body = manager.get(path).body();
                assertThat(INLINE_SCRIPT.matcher(body).find()).as(path).isFalse();
                assertThat(body).as(path).doesNotContain("style=");
            }
        }
        assertThat(manager.get("/").body()).contains("id=\"nav-inventory\"", "href=\"/inventory/categories\"",
                "href=\"/assets/audits\"", "href=\"/assets/overdue\"");
    }

    @Test
    void crudWithInlineErrorsCountsAndAFriendlyRefusalToDeleteWhatIsInUse() {
        HttpResponse<String> blank = manager.submit("/inventory/departments/new", "/inventory/departments/new", Map.of("name", ""));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"name-error\"", "is required");
        assertThat(manager.submit("/inventory/departments/new", "/inventory/departments/new", Map.of("name", "IT"))
                .statusCode()).isEqualTo(302);
        String it = api.get("/api/v1/departments?q=IT").json().get("items").get(0).get("id").asString();
        HttpResponse<String> twice = manager.submit("/inventory/departments/new", "/inventory/departments/new", Map.of("name", "it"));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("id=\"name-error\"", "already taken");

        HttpResponse<String> badPoint = manager.submit("/inventory/locations/new", "/inventory/locations/new",
                Map.of("name", "HQ", "latitude", "north", "longitude", "13.4"));
        assertThat(badPoint.statusCode()).isEqualTo(422);
        assertThat(badPoint.body()).contains("id=\"latitude-error\"", "must be a number", "value=\"13.4\"");
        assertThat(manager.submit("/inventory/locations/new", "/inventory/locations/new",
                Map.of("name", "HQ", "latitude", "52.52", "longitude", "13.40", "radiusM", "150", "address", "Alexanderplatz 1"))
                .statusCode()).isEqualTo(302);
        String hq = api.get("/api/v1/locations?q=HQ").json().get("items").get(0).get("id").asString();
        assertThat(manager.submit("/inventory/locations/new", "/inventory/locations/new",
                Map.of("name", "HQ Floor 2", "parentId", hq)).statusCode()).isEqualTo(302);

        Map<String, String> person = new HashMap<>(Map.of("name", "Ada Lovelace", "email", "ada@example.org",
                "employeeNumber", "E-1", "departmentId", it));
        assertThat(manager.submit("/inventory/people/new", "/inventory/people/new", person).statusCode()).isEqualTo(302);
        String people = manager.get("/inventory/people?q=ada").body();
        assertThat(people).contains("Ada Lovelace", "ada@example.org", "E-1", ">IT<");

        api.post("/api/v1/assets", Map.of("name", "Laptop 1", "category", "Laptops", "location", hq));
        api.post("/api/v1/assets", Map.of("name", "Laptop 2", "category", "Laptops", "location", hq));
        String locations = manager.get("/inventory/locations").body();
        assertThat(locations).contains("Alexanderplatz 1", "HQ Floor 2");
        assertThat(usedCount(locations, hq)).isEqualTo("2");
        String deptList = manager.get("/inventory/departments").body();
        assertThat(deptList).contains(">People<");

        HttpResponse<String> refused = manager.submit("/inventory/locations", "/inventory/locations/" + hq + "/delete", Map.of());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(manager.get("/inventory/locations").body()).contains("“HQ” is still used by 2 assets");
        assertThat(api.get("/api/v1/locations/" + hq).status()).isEqualTo(200);

        // edit: renaming, with the parent kept; a location cannot be its own parent
        HttpResponse<String> self = manager.submit("/inventory/locations/" + hq + "/edit", "/inventory/locations/" + hq + "/edit",
                Map.of("name", "HQ", "parentId", hq));
        assertThat(self.statusCode()).isEqualTo(422);
        String edit = manager.get("/inventory/locations/" + hq + "/edit").body();
        assertThat(edit).contains("value=\"52.52\"", "value=\"150\"", "Used by 2 assets.");

        String empty = api.post("/api/v1/manufacturers", Map.of("name", "Unused Corp")).json().get("id").asString();
        manager.submit("/inventory/manufacturers", "/inventory/manufacturers/" + empty + "/delete", Map.of());
        assertThat(api.get("/api/v1/manufacturers/" + empty).status()).isEqualTo(404);
        assertThat(manager.get("/inventory/manufacturers").body()).contains("“Unused Corp” deleted");
    }

    @Test
    void listsSearchSortAndPage() {
        for (int i = 0; i < 30; i++) {
            api.post("/api/v1/manufacturers", Map.of("name", String.format("Maker %02d", i)));
        }
        String first = manager.get("/inventory/manufacturers?size=25").body();
        assertThat(first).contains("Maker 00", "Maker 24").doesNotContain("Maker 25").contains("id=\"next-page\"");
        Matcher next = Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = manager.get(next.group(1).replace("&amp;", "&")).body();
        assertThat(second).contains("Maker 25", "Maker 29").doesNotContain("Maker 24<");
        String desc = manager.get("/inventory/manufacturers?sort=-name&size=25").body();
        assertThat(desc.indexOf("Maker 29")).isLessThan(desc.indexOf("Maker 28"));
        assertThat(manager.get("/inventory/manufacturers?q=aker%2007").body()).contains("Maker 07").doesNotContain("Maker 08");
        assertThat(manager.get("/inventory/manufacturers?sort=-createdAt").body()).contains("Maker 29");
    }

    @Test
    void categoryPageManagesItsCustomFields() {
        String laptops = api.post("/api/v1/categories", Map.of("name", "Laptops")).json().get("id").asString();
        String page = "/inventory/categories/" + laptops + "/edit";
        assertThat(manager.get(page).body()).contains("id=\"no-fields\"", "id=\"add-field-form\"");
        HttpResponse<String> bad = manager.submit(page, "/inventory/categories/" + laptops + "/fields",
                Map.of("label", "RAM", "key", "RAM GB", "type", "NUMBER"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("must start with a lower-case letter");
        assertThat(manager.submit(page, "/inventory/categories/" + laptops + "/fields",
                Map.of("label", "RAM (GB)", "key", "ram_gb", "type", "NUMBER", "required", "true")).statusCode()).isEqualTo(302);
        assertThat(manager.submit(page, "/inventory/categories/" + laptops + "/fields",
                Map.of("label", "OS", "key", "os", "type", "LIST", "options", "Windows\nLinux\n")).statusCode()).isEqualTo(302);
        String withFields = manager.get(page).body();
        assertThat(withFields).contains("RAM (GB)", "ram_gb", "Windows, Linux");
        String os = api.get("/api/v1/categories/" + laptops + "/fields").json().get("items").get(1).get("id").asString();
        assertThat(manager.submit(page, "/inventory/categories/" + laptops + "/fields/" + os,
                Map.of("label", "Operating system", "options", "Windows\nLinux\nmacOS", "position", "5")).statusCode()).isEqualTo(302);
        assertThat(api.get("/api/v1/categories/" + laptops + "/fields").json().get("items").get(1).get("options").size()).isEqualTo(3);
        assertThat(manager.submit(page, "/inventory/categories/" + laptops + "/fields/" + os + "/delete", Map.of()).statusCode())
                .isEqualTo(302);
        assertThat(api.get("/api/v1/categories/" + laptops + "/fields").json().get("items").size()).isEqualTo(1);
    }

    @Test
    void auditsDueAndOverdueReturnsWithTheirActionsAndBulkCheckIn() {
        assertThat(manager.get("/assets/audits").body()).contains("No audits due");
        assertThat(manager.get("/assets/overdue").body()).contains("Nothing overdue");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String late = create(Map.of("name", "Late audit", "nextAuditOn", today.minusDays(3).toString()));
        create(Map.of("name", "Soon audit", "nextAuditOn", today.plusDays(10).toString()));
        create(Map.of("name", "Far audit", "nextAuditOn", today.plusDays(90).toString()));
        String audits = manager.get("/assets/audits").body();
        assertThat(audits).contains("Late audit", "3 days overdue", "Soon audit", "in 10 days").doesNotContain("Far audit");
        HttpResponse<String> marked = manager.submit("/assets/audits", "/assets/" + late + "/audit", Map.of("back", "/assets/audits"));
        assertThat(marked.headers().firstValue("Location").orElseThrow()).endsWith("/assets/audits");
        assertThat(manager.get("/assets/audits").body()).doesNotContain("Late audit").contains("Audit recorded for");

        String person = api.post("/api/v1/people", Map.of("name", "Borrower")).json().get("id").asString();
        String a = create(Map.of("name", "Borrowed 1"));
        String b = create(Map.of("name", "Borrowed 2"));
        for (String id : List.of(a, b)) {
            assertThat(api.post("/api/v1/assets/" + id + "/checkout", Map.of("personId", person,
                    "expectedCheckinOn", today.plusDays(1).toString())).status()).isEqualTo(200);
        }
        transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "update assets set expected_checkin_on = ? where tenant_id = ? and id = ?::uuid")
                .params(today.minusDays(2), owner.tenantId(), a).update());
        String overdue = manager.get("/assets/overdue").body();
        assertThat(overdue).contains("Borrowed 1", "Borrower", "2 days overdue").doesNotContain("Borrowed 2");
        HttpResponse<String> checkedIn = manager.submit("/assets/overdue", "/assets/" + a + "/checkin", Map.of("back", "/assets/overdue"));
        assertThat(checkedIn.headers().firstValue("Location").orElseThrow()).endsWith("/assets/overdue");
        assertThat(manager.get("/assets/overdue").body()).contains("Nothing overdue");

        HttpResponse<String> bulk = manager.submit("/assets", "/assets/bulk", Map.of("ids", a + "," + b, "change", "checkin"));
        assertThat(bulk.statusCode()).isEqualTo(302);
        assertThat(manager.get("/assets").body()).contains("1 asset checked in.");
        assertThat(api.get("/api/v1/assets/" + b).json().get("assignedTo").isNull()).isTrue();
    }

    @Test
    void viewersReadButDoNotWriteAndAnotherCompanyGets404() {
        String cat = api.post("/api/v1/categories", Map.of("name", "Phones")).json().get("id").asString();
        String field = api.post("/api/v1/categories/" + cat + "/fields", Map.of("key", "imei", "label", "IMEI", "type", "TEXT"))
                .json().get("id").asString();
        String asset = create(Map.of("name", "Phone 1", "category", "Phones"));
        WebClient viewer = signedIn(accounts.member(owner, Role.VIEWER));
        String list = viewer.get("/inventory/categories").body();
        assertThat(list).contains("Phones").doesNotContain("id=\"new-row\"", "delete-row");
        assertThat(viewer.get("/inventory/categories/new").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/inventory/categories/" + cat + "/edit").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/assets/custom-fields?category=Phones").statusCode()).isEqualTo(403);
        assertThat(viewer.get("/assets/audits").statusCode()).isEqualTo(200);

        WebClient stranger = signedIn(accounts.owner("Stranger Inc"));
        for (String path : List.of("/inventory/categories/" + cat + "/edit", "/inventory/categories/" + cat + "/fields/" + field)) {
            assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of("/inventory/categories/" + cat + "/edit", "/inventory/categories/" + cat + "/delete",
                "/inventory/categories/" + cat + "/fields", "/inventory/categories/" + cat + "/fields/" + field,
                "/inventory/categories/" + cat + "/fields/" + field + "/delete", "/assets/" + asset + "/audit",
                "/assets/" + asset + "/checkin")) {
            assertThat(stranger.submit("/inventory/categories", path, Map.of("name", "Taken", "label", "x", "key", "x1",
                    "type", "TEXT")).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(stranger.get("/inventory/categories").body()).doesNotContain(cat).contains("No categories yet");
        assertThat(stranger.get("/assets/custom-fields?category=" + cat).body()).doesNotContain("imei");
        assertThat(stranger.submit("/assets", "/assets/bulk", Map.of("ids", asset, "change", "checkin"))
                .headers().firstValue("Location").orElseThrow()).endsWith("/assets");
        assertThat(api.get("/api/v1/categories/" + cat).json().get("name").asString()).isEqualTo("Phones");
        assertThat(api.get("/api/v1/categories/" + cat + "/fields").json().get("items").size()).isEqualTo(1);
        ApiClient strangerApi = accounts.as(accounts.owner("Stranger Api Inc"));
        assertThat(strangerApi.patch("/api/v1/categories/" + cat + "/fields/" + field, Map.of("label", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void aLargePageImportRunsInTheBackgroundAndOnlyItsCompanySeesIt() throws Exception {
        StringBuilder csv = new StringBuilder("Name,Asset Tag,Notes\n");
        for (int i = 1; i <= 3000; i++) {
            csv.append("Bg ").append(i).append(",BG-").append(i).append(',').append("n".repeat(90)).append('\n');
        }
        HttpResponse<String> started = upload(manager, csv.toString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String job = URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(job).matches("/assets/import/[0-9a-f-]{36}");
        String page = manager.get(job).body();
        assertThat(page).contains("id=\"import-progress\"");
        String fragment = "";
        for (int i = 0; i < 240 && !fragment.contains("id=\"import-result\""); i++) {
            fragment = manager.get(job + "/progress").body();
            if (!fragment.contains("import-result")) {
                assertThat(fragment).contains("hx-trigger=\"every 1s\"");
                Thread.sleep(500);
            }
        }
        assertThat(fragment).contains("3000 created", "0 failed").doesNotContain("hx-trigger");
        assertThat(api.get("/api/v1/assets?q=BG-2999").json().get("items").size()).isEqualTo(1);

        WebClient stranger = signedIn(accounts.owner("Import Stranger Inc"));
        assertThat(stranger.get(job).statusCode()).isEqualTo(404);
        assertThat(stranger.get(job + "/progress").statusCode()).isEqualTo(404);
        // a small file is still imported at once, with its report on the page
        HttpResponse<String> small = upload(manager, "Name,Asset Tag\nSmall one,SM-1\n");
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(small.body()).contains("1 created");
    }

    @Test
    void aPersonMayBeLinkedToAMemberOfTheCompany() {
        String page = manager.get("/inventory/people/new").body();
        assertThat(page).contains("id=\"userId\"", "value=\"" + owner.userId() + "\"");
        HttpResponse<String> created = manager.submit("/inventory/people/new", "/inventory/people/new",
                Map.of("name", "Linked Person", "userId", owner.userId().toString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String id = api.get("/api/v1/people?q=Linked").json().get("items").get(0).get("id").asString();
        assertThat(api.get("/api/v1/people/" + id).json().get("userId").asString()).isEqualTo(owner.userId().toString());
        TestAccounts.Person outsider = accounts.owner("Outsider Inc");
        HttpResponse<String> foreign = manager.submit("/inventory/people/new", "/inventory/people/new",
                Map.of("name", "Foreign Link", "userId", outsider.userId().toString()));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("id=\"userId-error\"", "does not exist");
    }

    private HttpResponse<String> upload(WebClient client, String csv) {
        Matcher token = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(client.get("/assets/import").body());
        assertThat(token.find()).isTrue();
        String boundary = "----holdfast" + java.util.UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bg.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assets/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("X-CSRF-TOKEN", token.group(1))
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String create(Map<String, Object> body) {
        ApiClient.Reply r = api.post("/api/v1/assets", body);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    private static String usedCount(String page, String id) {
        Matcher m = Pattern.compile("data-id=\"" + id + "\".*?class=\"text-end used-count\">\\s*(?:<a[^>]*>)?(\\d+)",
                Pattern.DOTALL).matcher(page);
        return m.find() ? m.group(1) : "none";
    }

    private WebClient signedIn(TestAccounts.Person person) {
        WebClient client = new WebClient(port);
        assertThat(client.login(person.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }
}
