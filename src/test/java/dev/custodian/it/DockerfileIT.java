package dev.custodian.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile's runtime stage, run here as the image would run it (no Docker engine on the build machines): its
 * instructions are read from the file as it stands, the files its {@code COPY} lines name are laid out in a
 * directory that stands for {@code /opt/payara} (with the build's {@code payara-micro.jar}, which the base image
 * brings), and its {@code ENTRYPOINT} and {@code CMD} run there with its {@code ENV}. What the image promises: the
 * service comes up on the embedded database with its data root in the volume, under the stable node id the image
 * sets, with JSON logs; the base image is the Payara Micro the build tests; the build stage does not fetch Payara.
 */
class DockerfileIT {

    private static final Path DOCKERFILE = Paths.get("Dockerfile");
    private static final int PORT = 18210;

    private final Path home = Paths.get(System.getProperty("it.work.dir", "target/it"), "docker", "opt-payara").toAbsolutePath();
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            ProcessTree.stop(server);
        }
    }

    @Test
    void the_runtime_stage_runs_the_service_on_the_embedded_database_in_its_volume_under_a_stable_node_id() throws Exception {
        assumeThat(Environment.DATABASE).as("one server start is enough: the H2 run").isEqualTo("h2");
        List<String> runtime = stage(1);
        ServerProcess.deleteTree(home);
        Files.createDirectories(home);
        Files.copy(Paths.get(System.getProperty("payara.micro.jar", "target/payara-micro.jar")), home.resolve("payara-micro.jar"));
        for (String copy : instructions(runtime, "COPY")) {
            layOut(copy, home);
        }
        for (String run : instructions(runtime, "RUN")) {
            assertThat(run).as("the runtime stage's only RUN").isEqualTo("mkdir -p data");
            Files.createDirectories(home.resolve("data"));
        }
        Map<String, String> env = env(runtime);
        assertThat(env).containsEntry("CUSTODIAN_DATA_DIR", "/opt/payara/data").containsEntry("CUSTODIAN_NODE_ID", "custodian-1");
        assertThat(instructions(runtime, "VOLUME")).containsExactly("/opt/payara/data");

        List<String> command = new ArrayList<>(array(only(runtime, "ENTRYPOINT")));
        assertThat(command.subList(0, 3)).as("tini reaps and forwards signals to java").containsExactly("tini", "--", "java");
        command = new ArrayList<>(command.subList(2, command.size()));
        command.set(0, Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(array(only(runtime, "CMD")));
        int port = command.indexOf("--port") + 1;
        assertThat(command.get(port)).isEqualTo("8080");
        command.set(port, Integer.toString(PORT));
        command.add(1, "-Xmx512m");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("server.log").toFile());
        builder.environment().putAll(env);
        builder.environment().put("CUSTODIAN_DATA_DIR", home.resolve("data").toString());
        builder.environment().putAll(Map.of("CUSTODIAN_SECURITY_USERS", "ops", "CUSTODIAN_SECURITY_USER_OPS_PASSWORD", "plain:ops-pw",
                "CUSTODIAN_SECURITY_USER_OPS_ROLES", "admin"));
        server = builder.start();

        awaitReady();
        Api ops = Api.at("http://127.0.0.1:" + PORT, "ops", "ops-pw");
        Api.Reply nodes = ops.get("/api/system/nodes");
        assertThat(nodes.status()).as(nodes.toString()).isEqualTo(200);
        assertThat(nodes.text()).contains("\"custodian-1\"");
        assertThat(ops.post("/api/jobs", "{\"type\":\"echo\"}").status()).isEqualTo(201);
        assertThat(home.resolve("data/db/custodian.mv.db")).as("the embedded database, in the volume").exists();
        assertThat(Files.readAllLines(home.resolve("server.log")).stream().filter(l -> l.contains("dev.custodian")).toList())
                .as("Custodian's log lines are JSON").isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{"));
    }

    @Test
    void the_base_image_is_the_payara_micro_the_build_tests_and_the_build_stage_does_not_fetch_payara() throws IOException {
        String pom = Files.readString(Paths.get("pom.xml"));
        Matcher version = Pattern.compile("<payara.version>(.*?)</payara.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(only(stage(1), "FROM")).isEqualTo("payara/micro:" + version.group(1) + "-jdk17");
        assertThat(instructions(stage(0), "RUN")).anySatisfy(run -> assertThat(run).contains("package", "-Dpayara.micro.skip=true"));
        assertThat(pom).contains("<skip>${payara.micro.skip}</skip>");
        assertThat(String.join("\n", instructions(stage(1), "COPY"))).doesNotContain("payara-micro.jar");
    }

    /** Copies what a {@code COPY [--from=build] [--chown=...] source target} names into {@code home}. */
    private static void layOut(String copy, Path home) throws IOException {
        List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
        boolean fromBuild = words.removeIf(w -> w.equals("--from=build"));
        words.removeIf(w -> w.startsWith("--chown="));
        assertThat(words).as(copy).hasSize(2);
        Path source = fromBuild ? Paths.get(words.get(0).replaceFirst("^/src/", "")) : Paths.get(words.get(0));
        Path target = home.resolve(words.get(1));
        if (Files.isDirectory(source)) {
            ServerProcess.copyTree(source, target);
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
        }
    }

    /** The instructions of build stage {@code index} (0: the first {@code FROM}), continuation lines joined. */
    private static List<String> stage(int index) throws IOException {
        String text = Files.readString(DOCKERFILE).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
        List<List<String>> stages = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("FROM ")) {
                stages.add(new ArrayList<>());
            }
            stages.get(stages.size() - 1).add(line.strip().replaceAll("\\s+", " ").replaceFirst(" AS \\w+$", ""));
        }
        return stages.get(index);
    }

    private static List<String> instructions(List<String> stage, String keyword) {
        return stage.stream().filter(l -> l.startsWith(keyword + " ")).map(l -> l.substring(keyword.length() + 1)).toList();
    }

    private static String only(List<String> stage, String keyword) {
        List<String> found = instructions(stage, keyword);
        assertThat(found).as(keyword).hasSize(1);
        return found.get(0);
    }

    private static List<String> array(String json) {
        JsonArray array = Json.createReader(new StringReader(json)).readArray();
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Map<String, String> env(List<String> stage) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : instructions(stage, "ENV")) {
            for (String pair : line.split(" ")) {
                String[] kv = pair.split("=", 2);
                env.put(kv[0], kv[1]);
            }
        }
        return env;
    }

    private void awaitReady() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        Api anonymous = Api.anonymousAt("http://127.0.0.1:" + PORT);
        while (true) {
            assertThat(server.isAlive()).as("server alive; its log ends: " + tail()).isTrue();
            try {
                if (anonymous.get("/health/ready").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("ready within 3 minutes; log: " + tail()).isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(home.resolve("server.log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
