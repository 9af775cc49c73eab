package kb.review.analysis;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Set;

/**
 * Java: a value released by the completion handler of an asynchronous result. Async code ends what it started when
 * the work it started completes, on success and on failure alike: {@code future.onComplete(r -> span.finish())},
 * {@code result.whenComplete((v, e) -> conn.close())}, Reactor's {@code doFinally(s -> ...)}. The method returns before
 * that, so its own exits (and the exception edges of the calls that start the work, which report their failures
 * through the future) are not the places the value must be released: the handler is. Set 13's OpenTracing spans of
 * Hono's registries (EI) are this shape. Only a handler that runs on every outcome counts; one that runs on success
 * only ({@code onSuccess}, {@code map}, {@code thenApply}) or on failure only leaves the other outcome leaking.
 */
final class AsyncReleases {

    /** Methods of Vert.x, CompletableFuture, Reactor, Mutiny, Guava and Netty futures that run a handler on every outcome. */
    private static final Set<String> COMPLETION = Set.of("onComplete", "whenComplete", "whenCompleteAsync", "handle",
            "handleAsync", "doFinally", "doAfterTerminate", "doOnTerminate", "eventually", "andThen", "addListener",
            "onTermination", "onItemOrFailure", "addCallback");

    private AsyncReleases() {
    }

    /**
     * True when a lambda given to a completion handler inside the method that acquired {@code a} releases it by one of
     * its model's templates.
     */
    static boolean inCompletionHandler(Lifecycle.Acquisition a) {
        if (!(a.at().ast instanceof com.github.javaparser.ast.Node at)) {
            return false;
        }
        var method = at.findAncestor(p -> p instanceof CallableDeclaration<?> || p instanceof LambdaExpr,
                com.github.javaparser.ast.Node.class).orElse(null);
        if (method == null) {
            return false;
        }
        for (MethodCallExpr call : JavaNodes.findAll(method, MethodCallExpr.class)) {
            if (!COMPLETION.contains(call.getNameAsString())) {
                continue;
            }
            for (Expression arg : call.getArguments()) {
                if (arg instanceof LambdaExpr l && l.getBegin().isPresent() && at.getBegin().isPresent()
                        && l.getBegin().get().isAfter(at.getBegin().get())
                        && a.model().releasedIn(l.getBody().toString(), a.var())) {
                    return true;
                }
            }
        }
        return false;
    }
}
