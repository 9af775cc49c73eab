package kb.review.analysis;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Java: whether a declared builder type makes one of a built-once entry's clients. A builder kept in a field,
 * parameter or local ({@code HttpClientBuilder clientBuilder}) is a client factory: each {@code build()} on it makes
 * a new client with its own connection pool, as the entry's own construction would. The entry names the builder in
 * one of two ways: as a constructor ({@code new OkHttpClient.Builder()}, matched on the type itself) or as the
 * static factory that hands the builder out ({@code HttpClientBuilder.create()}, {@code HttpClient.newBuilder()},
 * {@code S3Client.builder()}, {@code ManagedChannelBuilder.forAddress(...)}). For the second the type is tried as
 * the receiver of the usual builder-factory method names, itself ({@code HttpClientBuilder.create}) and as the
 * class it builds ({@code S3ClientBuilder} → {@code S3Client.builder}; a nested {@code HttpClient.Builder} only
 * through {@code HttpClient.newBuilder}, since frameworks inject nested builders of other names). No library is named
 * here; the models do that.
 */
final class BuilderTypes {

    /** The static methods libraries hand a builder out with. */
    private static final List<String> FACTORIES = List.of("create", "custom", "builder", "newBuilder", "forAddress",
            "forTarget", "standard");

    private static final Pattern BUILDER = Pattern.compile("^(.*?)\\.?Builder$");

    private BuilderTypes() {
    }

    /** True when {@code type} (a simple or dotted declared type, without type arguments) is a builder {@code b} makes. */
    static boolean makes(String type, TimeoutModel.Build b) {
        var m = BUILDER.matcher(type);
        if (!m.matches()) {
            return false;
        }
        if (b.via() == TimeoutModel.Via.NEW) {
            return b.pattern().matcher(type).find();
        }
        if (b.via() != TimeoutModel.Via.CALL || b.args() != null) {
            return false;
        }
        String built = m.group(1);
        if (type.endsWith(".Builder")) {
            // a nested builder is handed out by its class's newBuilder(); other nested builders of the same name
            // (a framework's injected RestClient.Builder) are no client of the entry's
            return b.pattern().matcher(built + ".newBuilder").find();
        }
        for (String f : FACTORIES) {
            if (b.pattern().matcher(type + "." + f).find()
                    || !built.isEmpty() && b.pattern().matcher(built + "." + f).find()) {
                return true;
            }
        }
        return false;
    }
}
