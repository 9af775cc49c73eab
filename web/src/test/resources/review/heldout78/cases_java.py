"""Round-78 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
cases_go.py: `1|`/`2|` lines and `//@{N}ITEM` markers belong to a defect version, `0|` lines to the clean look-alike."""
from common16 import make_case, java, src, f, cases_of, variant
import heldoutlib  # the shared template helpers (make_cases.py put its folder on the path)

CASES = []
case = make_case(CASES)
GH = 'https://github.com/'
SLF4J = ['org.slf4j.Logger', 'org.slf4j.LoggerFactory']
TEMPLATES = heldoutlib.Templates()
template = TEMPLATES.template
J, JV = heldoutlib.java_version, heldoutlib.java_versions


# ---------------------------------------------------------------- RES-02 / ERR-01: OkHttp adapter of a payment SDK (wechatpay-java)
WECHATPAY = template('wechatpay-java-okhttp-adapter', r'''
/** Sends the SDK's signed requests through OkHttp. */
public final class OkHttpClientAdapter extends AbstractHttpClient {

  private static final Logger logger = LoggerFactory.getLogger(OkHttpClientAdapter.class);
  private static final String META_NAME = "meta";
  private static final String FILE_NAME = "file";

  private final okhttp3.OkHttpClient okHttpClient;

  public OkHttpClientAdapter(
      Credential credential, Validator validator, okhttp3.OkHttpClient client) {
    super(credential, validator);
    this.okHttpClient = requireNonNull(client);
  }

  @Override
  protected String getHttpClientInfo() {
    return "okhttp3/" + okHttpClient.getClass().getPackage().getImplementationVersion();
  }

  @Override
  public OriginalResponse innerExecute(HttpRequest wechatPayRequest) {
    Request okHttpRequest = buildOkHttpRequest(wechatPayRequest);
02|    try (Response okHttpResponse = okHttpClient.newCall(okHttpRequest).execute()) {
1|    try {
1|      Response okHttpResponse = okHttpClient.newCall(okHttpRequest).execute(); //@RES-02
      return assembleOriginalResponse(wechatPayRequest, okHttpResponse);
    } catch (IOException e) { //@{2}ERR-01
01|      throw new HttpException(wechatPayRequest, e);
2|      return null;
    }
  }

  private Request buildOkHttpRequest(HttpRequest wechatPayRequest) {
    Request.Builder okHttpRequestBuilder = new Request.Builder().url(wechatPayRequest.getUrl());
    Map<String, String> headers = wechatPayRequest.getHeaders().getHeaders();
    headers.forEach(okHttpRequestBuilder::addHeader);
    String method = wechatPayRequest.getHttpMethod().name();
    RequestBody okHttpRequestBody =
        buildOkHttpRequestBody(wechatPayRequest.getBody(), wechatPayRequest.getHeaders());
    okHttpRequestBuilder.method(method, okHttpRequestBody);
    return okHttpRequestBuilder.build();
  }

  private OriginalResponse assembleOriginalResponse(
      HttpRequest wechatPayRequest, Response okHttpResponse) throws IOException {
    Map<String, String> responseHeaders = assembleResponseHeader(okHttpResponse);
    String body = okHttpResponse.body() == null ? null : okHttpResponse.body().string();
    logger.debug("Response {} {}", okHttpResponse.code(), wechatPayRequest.getUrl());
    return new OriginalResponse.Builder()
        .request(wechatPayRequest)
        .headers(responseHeaders)
        .statusCode(okHttpResponse.code())
        .contentType(okHttpResponse.body() == null ? null : okHttpResponse.body().contentType().toString())
        .body(body)
        .build();
  }
}
''')
cases_of(case, GH + 'wechatpay-apiv3/wechatpay-java/pull/291',
         src('com.wechat.pay.java.core.http.okhttp', 'OkHttpClientAdapter'),
         J('com.wechat.pay.java.core.http.okhttp', SLF4J + [
             'static java.util.Objects.requireNonNull', 'com.wechat.pay.java.core.auth.Credential',
             'com.wechat.pay.java.core.auth.Validator', 'com.wechat.pay.java.core.exception.HttpException',
             'com.wechat.pay.java.core.http.AbstractHttpClient', 'com.wechat.pay.java.core.http.HttpRequest',
             'com.wechat.pay.java.core.http.OriginalResponse', 'java.io.IOException', 'java.util.Map',
             'okhttp3.Request', 'okhttp3.RequestBody', 'okhttp3.Response'])(WECHATPAY), [
             (1, 'java-00-wechatpay-java-okhttp-response-never-closed',
              'an edit executes the payment call without closing the OkHttp response, so a response whose body '
              'is not read to the end keeps its connection leaked', 'edit'),
             (2, 'java-00-wechatpay-java-okhttp-failure-answered-with-null',
              'an edit answers a failed payment call with null, so a network error reaches the caller as a '
              'missing response instead of an exception', 'edit'),
             (0, 'java-ok-00-wechatpay-java-okhttp-response-closed',
              'clean: the fix closes every response with try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / RES-02: API client of a payment gateway SDK (cybersource-rest-client-java)
CYBERSOURCE = template('cybersource-api-client', r'''
public class ApiClient {
    private static final ConnectionPool SHARED_POOL = new ConnectionPool(50, 5, TimeUnit.MINUTES);

    private String basePath = "https://apitest.cybersource.com";
    private OkHttpClient httpClient;
    private MerchantConfig merchantConfig;
    private JSON json;

    public ApiClient(MerchantConfig merchantConfig) {
        this.merchantConfig = merchantConfig;
        this.json = new JSON(this);
        this.httpClient = new OkHttpClient.Builder()
                .connectionPool(SHARED_POOL)
                .connectTimeout(merchantConfig.getConnectionTimeout(), TimeUnit.MILLISECONDS)
                .readTimeout(merchantConfig.getReadTimeout(), TimeUnit.MILLISECONDS)
                .build();
    }

    public Call buildCall(String path, String method, Object body, Map<String, String> headerParams) throws ApiException {
        Request request = buildRequest(path, method, body, headerParams);
02|        return httpClient.newCall(request);
1|        OkHttpClient client = new OkHttpClient.Builder() //@RES-04
1|                .connectionPool(new ConnectionPool(merchantConfig.getMaxIdleConnections(), 5, TimeUnit.MINUTES))
1|                .connectTimeout(merchantConfig.getConnectionTimeout(), TimeUnit.MILLISECONDS)
1|                .readTimeout(merchantConfig.getReadTimeout(), TimeUnit.MILLISECONDS)
1|                .build();
1|        return client.newCall(request);
    }

    public <T> ApiResponse<T> execute(Call call, Type returnType) throws ApiException {
        try {
            Response response = call.execute();
            T data = handleResponse(response, returnType);
            return new ApiResponse<T>(response.code(), response.headers().toMultimap(), data);
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }

    public <T> T handleResponse(Response response, Type returnType) throws ApiException {
        if (response.isSuccessful()) {
            if (returnType == null || response.code() == 204) {
                closeBody(response);
                return null;
            }
            return deserialize(response, returnType);
        }
        String respBody = null;
        if (response.body() != null) {
            try {
                respBody = response.body().string();
            } catch (IOException e) {
                throw new ApiException(response.message(), e, response.code(), response.headers().toMultimap());
            }
        }
        throw new ApiException(response.message(), response.code(), response.headers().toMultimap(), respBody);
    }

    public <T> T deserialize(Response response, Type returnType) throws ApiException {
01|        try (ResponseBody body = response.body()) {
2|        try {
2|            ResponseBody body = response.body(); //@RES-02
            String respBody = body == null ? null : body.string();
            return json.deserialize(respBody, returnType);
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }

    private void closeBody(Response response) {
        if (response.body() != null) {
            response.body().close();
        }
    }
}
''')
cases_of(case, GH + 'CyberSource/cybersource-rest-client-java/pull/61', src('Invokers', 'ApiClient'),
         J('Invokers', [
             'com.cybersource.authsdk.core.MerchantConfig', 'java.io.IOException', 'java.lang.reflect.Type',
             'java.util.Map', 'java.util.concurrent.TimeUnit', 'okhttp3.Call', 'okhttp3.ConnectionPool',
             'okhttp3.OkHttpClient', 'okhttp3.Request', 'okhttp3.Response', 'okhttp3.ResponseBody'])(CYBERSOURCE), [
             (1, 'java-00-cybersource-client-and-pool-per-call',
              'an edit builds an OkHttp client with its own connection pool for every API call, so each payment '
              'request opens a new TLS connection and leaves its pool threads behind', 'edit'),
             (2, 'java-00-cybersource-response-body-not-closed',
              'an edit reads the successful response body without closing it, so every deserialised payment '
              'reply keeps a connection leaked', 'edit'),
             (0, 'java-ok-00-cybersource-shared-client',
              'clean: the fix sends every call through the one client and its shared pool', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-07 / ERR-01: auto-save job of a portfolio tracker (portfolio-performance)
PORTFOLIO = template('portfolio-auto-save-job', r'''
/**
 * Saves the client file every few minutes while it has unsaved changes; the job schedules its own next run.
 */
public class AutoSaveJob extends AbstractClientJob
{
    private final ClientInput clientInput;
    private final long interval;

    public AutoSaveJob(ClientInput clientInput, long interval)
    {
        super(clientInput.getClient(), Messages.JobLabelAutoSave);
        this.clientInput = clientInput;
        this.interval = interval;
        setSystem(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor)
    {
        try
        {
            if (clientInput.getFile() != null && clientInput.isDirty())
                clientInput.autoSave();
        }
02|        catch (IOException | RuntimeException e) //@{2}ERR-01
1|        catch (IOException e)
        {
01|            PortfolioPlugin.log(e);
2|            // the next run tries again
        }
02|        finally
02|        {
02|            schedule(interval);
02|        }
1|        schedule(interval); //@CONC-07
        return Status.OK_STATUS;
    }
}
''')
cases_of(case, GH + 'portfolio-performance/portfolio/pull/2625',
         'name.abuchen.portfolio.ui/src/name/abuchen/portfolio/ui/jobs/AutoSaveJob.java',
         J('name.abuchen.portfolio.ui.jobs', [
             'java.io.IOException', 'name.abuchen.portfolio.ui.Messages', 'name.abuchen.portfolio.ui.PortfolioPlugin',
             'name.abuchen.portfolio.ui.editor.ClientInput', 'org.eclipse.core.runtime.IProgressMonitor',
             'org.eclipse.core.runtime.IStatus', 'org.eclipse.core.runtime.Status'])(PORTFOLIO), [
             (1, 'java-00-portfolio-auto-save-stops-after-runtime-failure',
              'an edit reschedules the auto-save job only after a save that threw nothing or an I/O error, so one '
              'runtime failure while saving ends auto-saving for the rest of the session', 'edit'),
             (2, 'java-00-portfolio-auto-save-failure-swallowed',
              'an edit drops the logging of a failed auto-save, so a file that can no longer be written fails '
              'silently every few minutes', 'edit'),
             (0, 'java-ok-00-portfolio-auto-save-always-rescheduled',
              'clean: the fix catches every failure, logs it and reschedules the job in a finally', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-05 / TMO-01: wallet API client of a cryptocurrency (zold-java-client)
ZOLD = template('zold-java-client-wait-for-wallet', r'''
/**
 * Zold network API client: pushes a wallet and waits until the node has it.
 */
public final class RtZold implements Zold {

    private static final Duration TIME_TO_WAIT = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private final CloseableHttpClient client;
    private final URI baseUri;

    public RtZold(final URI baseUri, final int timeoutMillis) {
        this.baseUri = baseUri;
01|        this.client = HttpClients.custom()
01|            .setDefaultRequestConfig(
01|                RequestConfig.custom()
01|                    .setConnectTimeout(timeoutMillis)
01|                    .setSocketTimeout(timeoutMillis)
01|                    .build()
01|            ).build();
2|        this.client = HttpClients.createDefault(); //@TMO-01
    }

    @Override
    public Wallet waitForWallet(final String id) throws IOException {
        final Instant deadline = Instant.now().plus(TIME_TO_WAIT);
        try {
            do {
                final HttpGet get = new HttpGet(this.baseUri.resolve("/wallet/" + id));
                try (CloseableHttpResponse resp = this.client.execute(get)) {
                    if (resp.getStatusLine().getStatusCode() == HttpStatus.SC_OK) {
                        return new RtWallet(this.client, this.baseUri.resolve("/wallet/" + id));
                    }
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                        "Wallet " + id + " did not appear in " + TIME_TO_WAIT.toMinutes() + " minutes"
                    );
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            } while (true);
02|        } catch (final InterruptedException ex) {
02|            Thread.currentThread().interrupt();
02|            throw new IOException("Interrupted while waiting for wallet " + id, ex);
1|        } catch (final InterruptedException ex) { //@CONC-05
1|            throw new IllegalStateException("Exception while waiting for wallet " + id, ex);
        }
    }
}
''')
cases_of(case, GH + 'amihaiemil/zold-java-client/issues/39', src('com.amihaiemil.zold', 'RtZold'),
         J('com.amihaiemil.zold', [
             'java.io.IOException', 'java.net.URI', 'java.time.Duration', 'java.time.Instant',
             'org.apache.http.HttpStatus', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpGet',
             'org.apache.http.impl.client.CloseableHttpClient', 'org.apache.http.impl.client.HttpClients'])(ZOLD), [
             (1, 'java-00-zold-client-wait-loses-interrupt',
              'an edit wraps an interrupted wallet wait in an unchecked exception without restoring the interrupt '
              'flag, so the caller\'s shutdown request is lost', 'edit'),
             (2, 'java-00-zold-client-http-client-without-timeouts',
              'an edit builds the node client with the library defaults, so a node that accepts the connection '
              'and never answers blocks every wallet call for good', 'edit'),
             (0, 'java-ok-00-zold-client-bounded-and-interruptible',
              'clean: the fix restores the interrupt flag and reports the interrupted wait as an I/O failure', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / ERR-01: boleto PDF generator of a Brazilian billing library (caelum-stella), renamed
STELLA = template('caelum-stella-boleto-pdf', r'''
/**
 * Renders boletos (bank payment slips) to PDF through JasperReports.
 */
public class GeradorDeBoletoPdf {

    private final JasperPrint relatorio;

    public GeradorDeBoletoPdf(JasperPrint relatorio) {
        this.relatorio = relatorio;
    }

    /**
     * Writes the boletos as PDF into the given file.
     */
    public void geraPDF(File arquivo) {
02|        try (FileOutputStream saida = new FileOutputStream(arquivo)) {
1|        try {
1|            FileOutputStream saida = new FileOutputStream(arquivo); //@RES-01
            geraPDF(saida);
        } catch (IOException e) { //@{2}ERR-01
01|            throw new GeracaoBoletoException(e);
2|            e.printStackTrace();
        }
    }

    /**
     * Writes the boletos as PDF into the given stream; the caller owns the stream.
     */
    public void geraPDF(OutputStream saida) {
        try {
            JasperExportManager.exportReportToPdfStream(relatorio, saida);
        } catch (JRException e) {
            throw new GeracaoBoletoException(e);
        }
    }

    public byte[] geraPDF() {
        ByteArrayOutputStream saida = new ByteArrayOutputStream();
        geraPDF(saida);
        return saida.toByteArray();
    }
}
''')
cases_of(case, GH + 'caelum/caelum-stella/issues/170',
         'stella-boleto/src/main/java/br/com/caelum/stella/boleto/transformer/GeradorDeBoletoPdf.java',
         J('br.com.caelum.stella.boleto.transformer', [
             'br.com.caelum.stella.boleto.exception.GeracaoBoletoException', 'java.io.ByteArrayOutputStream',
             'java.io.File', 'java.io.FileOutputStream', 'java.io.IOException', 'java.io.OutputStream',
             'net.sf.jasperreports.engine.JRException', 'net.sf.jasperreports.engine.JasperExportManager',
             'net.sf.jasperreports.engine.JasperPrint'])(STELLA), [
             (1, 'java-00-caelum-stella-renamed-generator-stream-never-closed',
              'a PR renames the boleto PDF generator and writes each PDF file through a stream it never closes, so '
              'the generated file stays open until the collector runs', 'rename'),
             (2, 'java-00-caelum-stella-renamed-generator-swallows-write-failure',
              'a PR renames the boleto PDF generator and only prints a failed file write, so the caller believes '
              'a boleto was issued that was never written', 'rename'),
             (0, 'java-ok-00-caelum-stella-renamed-generator',
              'clean: the rename alone; the file stream is closed and a failed write reported', 'rename'),
         ], rename_from='stella-boleto/src/main/java/br/com/caelum/stella/boleto/transformer/GeradorDeBoleto.java',
         rename_old=lambda t: t.replace('GeradorDeBoletoPdf', 'GeradorDeBoleto'))


# ---------------------------------------------------------------- TMO-01 / RES-01: HTTP layer of a payment gateway SDK (braintree_java)
BRAINTREE = template('braintree-java-http', r'''
public class Http {

    enum RequestMethod {
        DELETE, GET, POST, PUT;
    }

    private final Configuration configuration;

    public Http(Configuration configuration) {
        this.configuration = configuration;
    }

    public NodeWrapper post(String url, Request request) {
        return httpRequest(RequestMethod.POST, url, request.toXML());
    }

    private NodeWrapper httpRequest(RequestMethod requestMethod, String url, String postBody) {
        HttpURLConnection connection = null;
        try {
            connection = buildConnection(requestMethod, configuration.getBaseURL() + url);
            if (postBody != null) {
01|                try (OutputStream outputStream = connection.getOutputStream()) {
01|                    outputStream.write(postBody.getBytes(StandardCharsets.UTF_8));
01|                }
2|                OutputStream outputStream = connection.getOutputStream(); //@RES-01
2|                outputStream.write(postBody.getBytes(StandardCharsets.UTF_8));
            }
            throwExceptionIfErrorStatusCode(connection.getResponseCode(), connection.getResponseMessage());
            if (requestMethod == RequestMethod.DELETE) {
                return null;
            }
            try (InputStream responseStream = connection.getInputStream()) {
                return new NodeWrapper(readStream(responseStream));
            }
        } catch (IOException e) {
            throw new UnexpectedException(e.getMessage(), e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private HttpURLConnection buildConnection(RequestMethod requestMethod, String urlString) throws IOException {
        URL url = new URL(urlString);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(); //@{1}TMO-01
02|        connection.setConnectTimeout(configuration.getConnectTimeout());
02|        connection.setReadTimeout(configuration.getTimeout());
        connection.setRequestMethod(requestMethod.toString());
        connection.addRequestProperty("Accept", "application/xml");
        connection.addRequestProperty("User-Agent", "Braintree Java " + Configuration.VERSION);
        connection.addRequestProperty("X-ApiVersion", Configuration.apiVersion());
        connection.addRequestProperty("Authorization", authorizationHeader());
        connection.addRequestProperty("Content-Type", "application/xml");
        connection.setDoOutput(true);
        return connection;
    }
}
''')
cases_of(case, GH + 'braintree/braintree_java/issues/36', src('com.braintreegateway.util', 'Http'),
         J('com.braintreegateway.util', [
             'com.braintreegateway.Configuration', 'com.braintreegateway.Request',
             'com.braintreegateway.exceptions.UnexpectedException', 'java.io.IOException', 'java.io.InputStream',
             'java.io.OutputStream', 'java.net.HttpURLConnection', 'java.net.URL',
             'java.nio.charset.StandardCharsets'])(BRAINTREE), [
             (1, 'java-00-braintree-java-connection-without-timeouts',
              'an edit drops the configured connect and read timeouts of the gateway connection, so a gateway '
              'that stops answering holds the checkout thread for good', 'edit'),
             (2, 'java-00-braintree-java-request-stream-never-closed',
              'an edit writes the request XML to the connection\'s output stream without closing it, so the body '
              'may never be flushed and the stream stays open when the write fails', 'edit'),
             (0, 'java-ok-00-braintree-java-request-stream-closed',
              'clean: the fix gives the gateway connection the configured connect and read timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- LOG-02 / CONC-04: payment port of a billing platform's Adyen plugin (killbill-adyen-plugin)
KBADYEN = template('killbill-adyen-payment-port', r'''
public class AdyenPaymentServiceProviderPort extends BaseAdyenPaymentServiceProviderPort {

    private static final Logger logger = LoggerFactory.getLogger(AdyenPaymentServiceProviderPort.class);
    private static final String MDC_TRANSACTION_KEY = "paymentTransactionExternalKey";

    private final AdyenRequestFactory adyenRequestFactory;
    private final PaymentPortRegistry adyenPaymentPortRegistry;

    public AdyenPaymentServiceProviderPort(final AdyenRequestFactory adyenRequestFactory,
                                           final PaymentPortRegistry adyenPaymentPortRegistry) {
        this.adyenRequestFactory = adyenRequestFactory;
        this.adyenPaymentPortRegistry = adyenPaymentPortRegistry;
    }

    public PurchaseResult authorise(final PaymentData paymentData, final UserData userData,
                                    final SplitSettlementData splitSettlementData) {
        MDC.put(MDC_TRANSACTION_KEY, paymentData.getPaymentTransactionExternalKey()); //@{2}CONC-04
01|        try {
01|            return doAuthorise(paymentData, userData, splitSettlementData);
01|        } finally {
01|            MDC.remove(MDC_TRANSACTION_KEY);
01|        }
2|        final PurchaseResult result = doAuthorise(paymentData, userData, splitSettlementData);
2|        MDC.remove(MDC_TRANSACTION_KEY);
2|        return result;
    }

    private PurchaseResult doAuthorise(final PaymentData paymentData, final UserData userData,
                                       final SplitSettlementData splitSettlementData) {
        final String merchantAccount = paymentData.getPaymentInfo().getMerchantAccount();
02|        logger.debug("authorise: merchantAccount='{}', amount='{}', currency='{}', shopperReference='{}'",
02|                     merchantAccount, paymentData.getAmount(), paymentData.getCurrency(), userData.getShopperReference());
1|        logger.debug("authorise: merchantAccount='" + merchantAccount + "', amount='" + paymentData.getAmount() //@LOG-02
1|                     + "', currency='" + paymentData.getCurrency() + "', shopperReference='" + userData.getShopperReference() + "'");
        final PaymentRequest request = adyenRequestFactory.createPaymentRequest(merchantAccount, paymentData, userData, splitSettlementData);
        final AdyenCallResult<PaymentResult> result = adyenPaymentPortRegistry.getPaymentPort(merchantAccount).authorise(request);
        return toPurchaseResult(paymentData, result);
    }
}
''')
cases_of(case, GH + 'killbill/killbill-adyen-plugin/pull/54',
         src('org.killbill.billing.plugin.adyen.client.payment.service', 'AdyenPaymentServiceProviderPort'),
         J('org.killbill.billing.plugin.adyen.client.payment.service', SLF4J + [
             'com.adyen.services.payment.PaymentRequest', 'com.adyen.services.payment.PaymentResult',
             'org.killbill.billing.plugin.adyen.client.model.PaymentData',
             'org.killbill.billing.plugin.adyen.client.model.PurchaseResult',
             'org.killbill.billing.plugin.adyen.client.model.SplitSettlementData',
             'org.killbill.billing.plugin.adyen.client.model.UserData',
             'org.killbill.billing.plugin.adyen.client.payment.builder.AdyenRequestFactory', 'org.slf4j.MDC'])(KBADYEN), [
             (1, 'java-00-killbill-adyen-authorise-debug-log-concatenated',
              'an edit builds the per-payment debug line of an authorisation by concatenation, paid on every '
              'payment with debug logging off', 'edit'),
             (2, 'java-00-killbill-adyen-authorise-mdc-not-cleared-on-failure',
              'an edit removes the transaction key from the MDC only after a successful authorisation, so a failed '
              'call leaves it on the pooled thread for the next payment\'s log lines', 'edit'),
             (0, 'java-ok-00-killbill-adyen-authorise-parameterised-log',
              'clean: the fix logs the authorisation with placeholders', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-06 / LOG-02: payment event producer of a commerce app (loop-pack commerce-api), new file
LOOPERS = template('loopers-commerce-payment-event-producer', r'''
@Slf4j
@Component
@RequiredArgsConstructor
public class PaymentEventProducer {

    private static final String TOPIC = "payment-events";

    private final KafkaTemplate<String, Object> kafkaTemplate;
    private final PaymentEventOutboxRepository outboxRepository;

    public void publish(PaymentEvent event) {
        String key = String.valueOf(event.orderId());
01|        log.debug("Publishing payment event {} for order {}", event.type(), event.orderId());
2|        log.debug("Publishing payment event " + event.type() + " for order " + event.orderId()); //@LOG-02
02|        kafkaTemplate.send(TOPIC, key, event)
02|                .whenComplete((result, ex) -> {
02|                    if (ex != null) {
02|                        log.error("Failed to publish payment event {} for order {}", event.eventId(), event.orderId(), ex);
02|                        outboxRepository.markFailed(event.eventId());
02|                    } else {
02|                        outboxRepository.markPublished(event.eventId());
02|                    }
02|                });
1|        kafkaTemplate.send(TOPIC, key, event); //@CONC-06
1|        outboxRepository.markPublished(event.eventId());
    }
}
''')
cases_of(case, GH + 'Loopers-dev-lab/loop-pack-be-l2-vol2-java/pull/196',
         'apps/commerce-api/src/main/java/com/loopers/infrastructure/kafka/producer/PaymentEventProducer.java',
         J('com.loopers.infrastructure.kafka.producer', [
             'com.loopers.domain.payment.PaymentEvent', 'com.loopers.domain.payment.PaymentEventOutboxRepository',
             'lombok.RequiredArgsConstructor', 'lombok.extern.slf4j.Slf4j',
             'org.springframework.kafka.core.KafkaTemplate', 'org.springframework.stereotype.Component'])(LOOPERS), [
             (1, 'java-00-loopers-new-payment-producer-send-result-dropped',
              'a new payment event producer drops the result of the Kafka send and marks the event published at '
              'once, so a payment event the broker refuses is lost without a trace', 'new'),
             (2, 'java-00-loopers-new-payment-producer-debug-log-concatenated',
              'a new payment event producer builds its per-event debug line by concatenation, paid on every '
              'payment with debug logging off', 'new'),
             (0, 'java-ok-00-loopers-new-payment-producer',
              'clean: a new producer that marks each event published or failed when the send completes', 'new'),
         ])


# ---------------------------------------------------------------- TIME-01 / RES-04: request signing of a bank's API samples (starlingbank api-samples)
STARLING = template('starlingbank-payment-signer', r'''
/**
 * Signs and sends a domestic payment through the bank's public API.
 */
public class PaymentClient {

    private static final String DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";

    private final String baseUrl;
    private final String accessToken;
    private final RequestSigner signer;
01|    private final HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public PaymentClient(String baseUrl, String accessToken, RequestSigner signer) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
        this.signer = signer;
    }

    public String makePayment(String accountUid, String categoryUid, String paymentJson)
            throws IOException, InterruptedException {
        String path = "/api/v2/payments/local/account/" + accountUid + "/category/" + categoryUid;
        String date = formatDate(new Date());
        String digest = signer.digest(paymentJson);
        String signature = signer.sign("(request-target): put " + path + "\nDate: " + date + "\nDigest: " + digest);
2|        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(); //@RES-04

        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + accessToken + ";Signature " + signature)
                .header("Date", date)
                .header("Digest", digest)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(paymentJson))
                .build();
        HttpResponse<String> response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Payment failed with status " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String formatDate(Date date) {
        SimpleDateFormat format = new SimpleDateFormat(DATE_PATTERN); //@{1}TIME-01
02|        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format.format(date);
    }
}
''')
cases_of(case, GH + 'starlingbank/api-samples/pull/23', src('com.starlingbank.samples', 'PaymentClient'),
         J('com.starlingbank.samples', [
             'java.io.IOException', 'java.net.URI', 'java.net.http.HttpClient', 'java.net.http.HttpRequest',
             'java.net.http.HttpResponse', 'java.text.SimpleDateFormat', 'java.time.Duration', 'java.util.Date',
             'java.util.TimeZone'])(STARLING), [
             (1, 'java-00-starlingbank-signature-date-in-server-zone',
              'an edit formats the signed Date header in the server\'s zone while labelling it UTC, so every '
              'payment from a machine outside UTC is refused for a stale signature', 'edit'),
             (2, 'java-00-starlingbank-http-client-per-payment',
              'an edit builds a new HTTP client for every payment, so each payment pays a fresh TLS handshake and '
              'leaves the client\'s selector thread behind', 'edit'),
             (0, 'java-ok-00-starlingbank-signature-date-in-utc',
              'clean: the fix formats the signed date in UTC', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / TX-01: SQL account store of an economy plugin (Fe), CRLF
FE = template('fe-sqldb-accounts', r'''
public abstract class SQLDB extends Database {
    private final Fe plugin;
    private Connection connection;
    private String accountsName;

    public SQLDB(Fe plugin) {
        super(plugin);
        this.plugin = plugin;
        this.accountsName = "fe_accounts";
    }

    public abstract Connection getNewConnection();

    private void checkConnection() throws SQLException {
        if (connection == null || !connection.isValid(2)) {
            connection = getNewConnection();
        }
    }

    @Override
    public double loadAccountMoney(String name) {
        try {
            checkConnection();
            try (PreparedStatement statement = connection.prepareStatement("SELECT money FROM " + accountsName + " WHERE name=?")) {
                statement.setString(1, name);
                try (ResultSet set = statement.executeQuery()) {
                    return set.next() ? set.getDouble("money") : getDefaultHoldings();
                }
            }
        } catch (SQLException e) { //@{1}ERR-01
02|            throw new IllegalStateException("Could not load the balance of " + name, e);
1|            return -1;
        }
    }

    @Override
    public void saveAccounts(List<Account> accounts) {
        try {
            checkConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("UPDATE " + accountsName + " SET money=? WHERE name=?")) {
                for (Account account : accounts) {
                    statement.setDouble(1, account.getMoney());
                    statement.setString(2, account.getName());
                    statement.addBatch();
                }
                statement.executeBatch(); //@{2}TX-01
                connection.commit();
01|            } catch (SQLException e) {
01|                connection.rollback();
01|                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            plugin.getLogger().log(Level.SEVERE, "Could not save " + accounts.size() + " accounts", e);
        }
    }
}
''')
cases_of(case, GH + 'niccholaspage/Fe/issues/24', 'src/org/melonbrew/fe/database/databases/SQLDB.java',
         J('org.melonbrew.fe.database.databases', [
             'java.sql.Connection', 'java.sql.PreparedStatement', 'java.sql.ResultSet', 'java.sql.SQLException',
             'java.util.List', 'java.util.logging.Level', 'org.melonbrew.fe.Fe', 'org.melonbrew.fe.database.Account',
             'org.melonbrew.fe.database.Database'])(FE), [
             (1, 'java-00-fe-balance-load-failure-answered-with-minus-one',
              'an edit answers a failed balance query with -1, so a dropped database connection at login resets '
              'the player\'s account to the default holdings', 'edit'),
             (2, 'java-00-fe-batch-save-not-rolled-back',
              'an edit drops the rollback of the batched balance update, so a failed batch leaves its half-applied '
              'updates pending on the shared connection, to be committed by the next save', 'edit'),
             (0, 'java-ok-00-fe-balance-load-failure-reported',
              'clean: the fix reports a failed balance query instead of answering a fake balance', 'fix'),
         ], crlf=True)
