package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's Java class of a loop that runs once per start of a component (precision set 15's class CP): a line per
 * definition, script, mapping or plugin found or registered while a bundle, bean or application starts. The item is
 * about hot paths ("once per element of a loop that runs tens of thousands of times a second"); a start-up walk is
 * bounded by what was shipped and runs when the component starts, so its line per item is the start-up report. What
 * makes code run once is structural: the container calls the method once per start because of its annotation
 * ({@code @PostConstruct}, OSGi's {@code @Activate}, {@code @PreDestroy}, {@code @Deactivate}), its event parameter
 * ({@code @Observes StartupEvent}, Spring's {@code ApplicationReadyEvent}, a {@code ServletContextEvent}), the
 * framework interface it implements ({@code afterPropertiesSet()} of {@code InitializingBean}, a runner's
 * {@code run(ApplicationArguments)}), or the OSGi bundle it is handed (a {@code BundleContext} or {@code Bundle}
 * parameter: code that runs when a bundle starts or stops). A lambda run at once by the method (a {@code forEach}, a
 * privileged action) belongs to it; one handed to a scheduler, an executor or a listener runs later and stays reviewed.
 * The defects: the same loops in a request handler, a scheduled job, a message listener, or in a lambda the start-up
 * method schedules.
 */
class JavaStartupLogLoopTest {

    private static String code(String imports, String head, String body) {
        return """
                package a;

                %s
                import java.util.List;

                class Catalog {
                    private final Registry registry = new Registry();

                    %s {
                %s
                    }
                }
                """.formatted(imports, head, body);
    }

    private static final String FOR_EACH = """
                    for (Definition d : registry.shipped()) {
                        registry.add(d);
                        log.info("registered definition {}", d.id());
                    }""";

    private static final String WHILE_ENTRIES = """
                    java.util.Enumeration<java.net.URL> urls = ctx.getBundle().findEntries("META-INF/defs", "*.json", true);
                    while (urls.hasMoreElements()) {
                        java.net.URL url = urls.nextElement();
                        LOGGER.info("found definition at {}", url);
                    }""";

    private static final String FOREACH_LAMBDA = """
                    registry.shipped().forEach(d -> logger.warn("definition {} replaced", d.id()));""";

    private static final String WRAPPED_LAMBDA = """
                    security.runAsSystem(() -> {
                        for (Definition d : registry.shipped()) {
                            LOG.info("loaded {}", d.id());
                        }
                    });""";

    private static List<String> log01(String imports, String head, String body) {
        return JavaMissedClassesTest.items("src/main/java/a/Catalog.java", code(imports, head, body)).stream()
                .filter(s -> s.endsWith(":LOG-01")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import jakarta.annotation.PostConstruct;|@PostConstruct void loadDefinitions()|FOR_EACH",
            "import org.osgi.service.component.annotations.Activate;|@Activate protected void bindDefinitions(java.util.Map<String, Object> props)|FOREACH_LAMBDA",
            "import org.osgi.framework.BundleContext;|private void loadShipped(BundleContext ctx)|WHILE_ENTRIES",
            "import io.quarkus.runtime.StartupEvent;|void prime(@Observes StartupEvent ev)|WRAPPED_LAMBDA",
            "import org.springframework.beans.factory.InitializingBean;|@Override public void afterPropertiesSet()|FOR_EACH",
            "import org.springframework.boot.context.event.ApplicationReadyEvent;|@EventListener(ApplicationReadyEvent.class) public void warmUp()|WRAPPED_LAMBDA",
            "import org.osgi.framework.Bundle;|void bundleArrived(Bundle bundle, BundleContext ctx)|WHILE_ENTRIES",
            "import javax.annotation.PreDestroy;|@PreDestroy\n    public void drain()|FOREACH_LAMBDA"})
    void a_line_per_item_of_a_start_up_walk_is_clean(String spec) {
        String[] p = spec.split("\\|");
        assertEquals(List.of(), log01(p[0], p[1], body(p[2])));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import org.springframework.web.bind.annotation.PostMapping;|@PostMapping(\"/defs\") public void upload()|FOR_EACH",
            "import org.springframework.scheduling.annotation.Scheduled;|@Scheduled(fixedDelay = 1000) void refresh()|FOREACH_LAMBDA",
            "import jakarta.jms.Message;|public void onMessage(Message message)|WRAPPED_LAMBDA",
            "import java.net.URL;|void handle(List<URL> urls)|FOR_EACH"})
    void the_same_walk_per_request_or_per_run_of_a_job_is_found(String spec) {
        String[] p = spec.split("\\|");
        assertEquals(1, log01(p[0], p[1], body(p[2])).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "import jakarta.annotation.PostConstruct;|@PostConstruct void warmCaches()",
            "import org.osgi.service.component.annotations.Activate;|@Activate void bind(BundleContext ctx)"})
    void a_loop_scheduled_by_a_start_up_method_runs_later_and_is_found(String spec) {
        String[] p = spec.split("\\|");
        String body = """
                    executor.scheduleAtFixedRate(() -> {
                        for (Definition d : registry.pending()) {
                            LOG.info("retrying {}", d.id());
                        }
                    }, 1, 1, java.util.concurrent.TimeUnit.SECONDS);""";
        assertEquals(1, log01(p[0], p[1], body).size());
    }

    private static String body(String name) {
        return switch (name) {
            case "FOR_EACH" -> FOR_EACH;
            case "WHILE_ENTRIES" -> WHILE_ENTRIES;
            case "FOREACH_LAMBDA" -> FOREACH_LAMBDA;
            default -> WRAPPED_LAMBDA;
        };
    }
}
