package kb.review.analysis;

/**
 * What a review can learn from the checkout beyond the reviewed files (repo and files mode): the Java types
 * declared in it and who calls a function anywhere in it. {@link #NONE} for a pasted diff. Close it after the review.
 */
public record Checkout(CheckoutTypes types, Callers callers) implements AutoCloseable {

    public static final Checkout NONE = new Checkout(CheckoutTypes.NONE, Callers.NONE);

    @Override
    public void close() {
        types.close();
    }
}
