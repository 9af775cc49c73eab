package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Java code that a container runs once per start or stop of a component, known by structure rather than by the
 * method's name: the annotation the container calls it for ({@code @PostConstruct}, {@code @PreDestroy}, OSGi's
 * {@code @Activate} and {@code @Deactivate}), the event or context it is handed (CDI's {@code @Observes StartupEvent},
 * Spring's application-ready and context events, a {@code ServletContextEvent}, Spring Boot's
 * {@code ApplicationArguments}, an OSGi {@code BundleContext} or {@code BundleEvent}), or the start-up contract of
 * Spring's {@code InitializingBean} ({@code afterPropertiesSet()}). LOG-01 is about loops that repeat with the
 * traffic; a loop there walks what was shipped or configured, once per start (precision set 15's class CP). A lambda
 * that such a method hands to a scheduler, an executor, a future or a listener runs later, possibly forever, and is not
 * start-up code.
 */
final class StartupHooks {

    /** What the container calls once per start or stop, in a method's header (annotations and parameters). */
    private static final Pattern ONCE = Pattern.compile(
            "@(?:[\\w.]+\\.)?(?:PostConstruct|PreDestroy|Activate|Deactivate|Initialized|Destroyed)\\b"
                    + "|\\b(?:BundleContext|BundleEvent|ServletContextEvent|ApplicationArguments|StartupEvent"
                    + "|ShutdownEvent|Application(?:Ready|Started|Prepared)Event|Context(?:Refreshed|Closed|Started)Event)"
                    + "\\b|\\bafterPropertiesSet\\s*\\(\\s*\\)"
                    // a CDI portable extension's container events: fired while the application deploys (once per
                    // deployment, or once per discovered type or bean), never per request
                    + "|@Observes\\s+(?:@[\\w.]+(?:\\([^)]*\\))?\\s+)*(?:final\\s+)?(?:[\\w.]+\\.)?(?:(?:Before|After)"
                    + "(?:BeanDiscovery|TypeDiscovery|DeploymentValidation|Shutdown)|Process(?:AnnotatedType"
                    + "|InjectionTarget|InjectionPoint|Bean|ManagedBean|SessionBean|ProducerMethod|ProducerField"
                    + "|SyntheticBean|ObserverMethod|BeanAttributes|Producer))\\b");
    /** A call whose lambda argument runs later or elsewhere: schedulers, executors, futures, listeners, streams. */
    private static final Pattern DEFERS = Pattern.compile(
            "schedule\\w*|submit|execute|runAsync|supplyAsync|then\\w*|whenComplete\\w*|handle\\w*|exceptionally"
                    + "|subscribe\\w*|add\\w*(?:Listener|Handler|Callback|Hook)|set\\w*(?:Listener|Handler|Callback)"
                    + "|register\\w*|on[A-Z]\\w*|watch\\w*|listen\\w*|newThread|start\\w*|computeIfAbsent");

    private StartupHooks() {
    }

    /** True when the Java call {@code n} runs while a component starts or stops, as the class comment says. */
    static boolean runsOnce(SyntaxNode n, byte[] src) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "lambda_expression", "method_reference" -> {
                    if (!runsAtOnce(p, src)) {
                        return false;
                    }
                }
                case "class_body", "static_initializer" -> {
                    return false;
                }
                case "method_declaration" -> {
                    SyntaxNode body = p.getChildByFieldName("body");
                    int end = body == null || body.isNull() ? p.getEndByte() : body.getStartByte();
                    return ONCE.matcher(new String(src, p.getStartByte(), end - p.getStartByte(),
                            java.nio.charset.StandardCharsets.UTF_8)).find();
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** A lambda passed straight to a call that runs it now ({@code forEach}, a privileged or as-system action). */
    private static boolean runsAtOnce(SyntaxNode lambda, byte[] src) {
        SyntaxNode args = lambda.getParent();
        if (args == null || args.isNull() || !args.getType().equals("argument_list")) {
            return false; // stored in a variable or a field: it runs whenever someone calls it
        }
        SyntaxNode call = args.getParent();
        if (call == null || call.isNull() || !call.getType().equals("method_invocation")) {
            return false; // new Thread(() -> ...), new TimerTask...
        }
        SyntaxNode name = call.getChildByFieldName("name");
        return name != null && !name.isNull() && !DEFERS.matcher(text(src, name)).matches();
    }
}
