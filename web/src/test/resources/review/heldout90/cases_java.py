"""Round-90 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- TIME-01 / ERR-01: OFX date conversion of a banking file library (ofx4j), CRLF
OFX4J = template('ofx4j-date-conversion', r'''
/**
 * Converts OFX element values to Java values and back. OFX dates look like {@code 20190102} or
 * {@code 20180312120000.000[-3:BRT]}; a date without its own zone is read in the zone this conversion was made with,
 * which is GMT unless the application knows better (some banks send local dates without a zone).
 */
public class DefaultStringConversion implements StringConversion {

    public static final TimeZone GMT_TIME_ZONE = TimeZone.getTimeZone("GMT");

    private static final Pattern DATE_PATTERN =
            Pattern.compile("^(\\d{8})(\\d{6})?(\\.\\d{3})?(?:\\[([+-]?\\d{1,2}(?:\\.\\d{2})?)(?::\\w+)?\\])?$");

    private final TimeZone defaultTimeZone;

    public DefaultStringConversion() {
        this(GMT_TIME_ZONE);
    }

    public DefaultStringConversion(TimeZone defaultTimeZone) {
        this.defaultTimeZone = defaultTimeZone;
    }

    protected Date parseDate(String value) {
        Matcher matcher = DATE_PATTERN.matcher(value.trim());
        if (!matcher.matches()) {
            throw new OFXException("Invalid date: " + value);
        }
        String digits = matcher.group(1) + (matcher.group(2) != null ? matcher.group(2) : "000000");
        TimeZone zone = matcher.group(4) != null ? zoneOf(matcher.group(4)) : defaultTimeZone;

        SimpleDateFormat format = new SimpleDateFormat("yyyyMMddHHmmss"); //@{1}TIME-01
02|        format.setTimeZone(zone);
        format.setLenient(false);
        try {
            return format.parse(digits);
        } catch (ParseException e) { //@{2}ERR-01
01|            throw new OFXException("Unparseable date: " + value, e);
2|            return null;
        }
    }

    private static TimeZone zoneOf(String offset) {
        String sign = offset.startsWith("-") ? "-" : "+";
        String hours = offset.replaceFirst("^[+-]", "");
        String[] parts = hours.split("\\.");
        String minutes = parts.length > 1 ? String.valueOf(Integer.parseInt(parts[1]) * 60 / 100) : "0";
        return TimeZone.getTimeZone(String.format("GMT%s%02d:%02d", sign, Integer.parseInt(parts[0]),
                Integer.parseInt(minutes)));
    }
}
''')
cases_of(case, GH + 'stoicflame/ofx4j/issues/30', src('com.webcohesion.ofx4j.io', 'DefaultStringConversion'),
         J('com.webcohesion.ofx4j.io', ['com.webcohesion.ofx4j.OFXException', 'java.text.ParseException',
                                         'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.TimeZone',
                                         'java.util.regex.Matcher', 'java.util.regex.Pattern'])(OFX4J), [
             (1, 'java-00-ofx4j-dates-parsed-in-server-zone',
              'an edit parses OFX dates in the server\'s default zone, so a statement line posted on the second of '
              'January in Brazil is booked on the first, or a day later on a server east of GMT', 'edit'),
             (2, 'java-00-ofx4j-unparseable-date-swallowed',
              'an edit answers an unparseable OFX date with null, so a transaction line from a bank with an odd '
              'date format is imported without a posting date and no error', 'edit'),
             (0, 'java-ok-00-ofx4j-dates-parsed-in-statement-zone',
              'clean: the fix parses each date in its own or the configured zone', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- TX-01 / CONC-04: order repository of a shop (eShopping)
ESHOP = template('eshopping-order-repository', r'''
/**
 * Writes orders with plain JDBC: the order row, its items and the stock reservations go in one transaction, so a
 * failed reservation never leaves an order that cannot be shipped. Every log line of the call carries the order
 * number through the MDC.
 */
@Repository
public class JdbcOrderRepository {
    private static final Logger log = LoggerFactory.getLogger(JdbcOrderRepository.class);

    private final DataSource dataSource;

    public JdbcOrderRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Order createOrder(Order order) throws SQLException {
01|        try (MDC.MDCCloseable orderContext = MDC.putCloseable("orderNumber", order.getOrderNumber());
01|             Connection connection = dataSource.getConnection()) {
2|        MDC.put("orderNumber", order.getOrderNumber()); //@CONC-04
2|        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try { //@{1}TX-01
                persist(connection, order);
            } catch (SQLException | RuntimeException e) {
02|                connection.rollback();
02|                log.warn("Order could not be created, rolled back", e);
1|                log.warn("Order could not be created", e);
                throw e;
            }
            connection.commit();
            log.info("Order created with {} items", order.getItems().size());
            return order;
        }
    }

    private void persist(Connection connection, Order order) throws SQLException {
        try (PreparedStatement insertOrder = connection.prepareStatement(INSERT_ORDER, Statement.RETURN_GENERATED_KEYS)) {
            insertOrder.setString(1, order.getOrderNumber());
            insertOrder.setLong(2, order.getCustomerId());
            insertOrder.setBigDecimal(3, order.getTotal());
            insertOrder.executeUpdate();
            try (ResultSet keys = insertOrder.getGeneratedKeys()) {
                keys.next();
                order.setId(keys.getLong(1));
            }
        }
        try (PreparedStatement insertItem = connection.prepareStatement(INSERT_ITEM);
             PreparedStatement reserve = connection.prepareStatement(RESERVE_STOCK)) {
            for (OrderItem item : order.getItems()) {
                insertItem.setLong(1, order.getId());
                insertItem.setString(2, item.getSku());
                insertItem.setInt(3, item.getQuantity());
                insertItem.addBatch();
                reserve.setInt(1, item.getQuantity());
                reserve.setString(2, item.getSku());
                reserve.setInt(3, item.getQuantity());
                if (reserve.executeUpdate() == 0) {
                    throw new OutOfStockException(item.getSku());
                }
            }
            insertItem.executeBatch();
        }
    }

    private static final String INSERT_ORDER = "INSERT INTO orders (order_number, customer_id, total) VALUES (?, ?, ?)";
    private static final String INSERT_ITEM = "INSERT INTO order_items (order_id, sku, quantity) VALUES (?, ?, ?)";
    private static final String RESERVE_STOCK =
            "UPDATE inventory SET reserved = reserved + ? WHERE sku = ? AND available - reserved >= ?";
}
''')
cases_of(case, GH + 'pavankjadda/eShopping/issues/48',
         src('com.pj.ecommerce.orderservice.repository', 'JdbcOrderRepository'),
         J('com.pj.ecommerce.orderservice.repository', SLF4J + [
             'com.pj.ecommerce.orderservice.exception.OutOfStockException', 'com.pj.ecommerce.orderservice.model.Order',
             'com.pj.ecommerce.orderservice.model.OrderItem', 'java.sql.Connection', 'java.sql.PreparedStatement',
             'java.sql.ResultSet', 'java.sql.SQLException', 'java.sql.Statement', 'javax.sql.DataSource',
             'org.slf4j.MDC', 'org.springframework.stereotype.Repository'])(ESHOP), [
             (1, 'java-00-eshopping-order-insert-without-rollback',
              'an edit drops the rollback of a failed order, so an order whose stock reservation fails goes back to '
              'the pool with its order row and item rows still uncommitted on the connection', 'edit'),
             (2, 'java-00-eshopping-order-number-left-in-mdc',
              'an edit puts the order number in the MDC without removing it, so the next request served by the same '
              'pooled thread logs under the previous customer\'s order number', 'edit'),
             (0, 'java-ok-00-eshopping-order-insert-rolled-back',
              'clean: the fix rolls a failed order back before rethrowing', 'fix'),
         ])


# ---------------------------------------------------------------- RES-01 / TMO-01: FTP services of an ERP framework (ofbiz-framework)
OFBIZ = template('ofbiz-ftp-put-file', r'''
public class FtpServices {

    private static final String MODULE = FtpServices.class.getName();
    private static final String RESOURCE = "CommonUiLabels";
01|    private static final int CONNECT_TIMEOUT_MS = 30_000;
01|    private static final int DATA_TIMEOUT_MS = 120_000;

    public static Map<String, Object> putFile(DispatchContext dctx, Map<String, ?> context) {
        Locale locale = (Locale) context.get("locale");
        String hostname = (String) context.get("hostname");
        String localFilename = (String) context.get("localFilename");
        String remoteFilename = (String) context.get("remoteFilename");
        List<String> errorList = new LinkedList<>();

        FTPClient ftp = new FTPClient();
01|        ftp.setConnectTimeout(CONNECT_TIMEOUT_MS);
01|        ftp.setDefaultTimeout(DATA_TIMEOUT_MS);
        try {
            ftp.connect(hostname); //@{2}TMO-01
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                errorList.add(UtilProperties.getMessage(RESOURCE, "CommonFtpConnectionRefused", locale));
            } else if (!ftp.login((String) context.get("username"), (String) context.get("password"))) {
                errorList.add(UtilProperties.getMessage(RESOURCE, "CommonFtpLoginFailure", locale));
            } else {
                ftp.setFileType(FTP.BINARY_FILE_TYPE);
                ftp.enterLocalPassiveMode();
                boolean stored;
02|                try (InputStream localFile = Files.newInputStream(Paths.get(localFilename))) {
02|                    stored = ftp.storeFile(remoteFilename, localFile);
02|                }
1|                InputStream localFile = Files.newInputStream(Paths.get(localFilename)); //@RES-01
1|                stored = ftp.storeFile(remoteFilename, localFile);
                if (!stored) {
                    errorList.add(UtilProperties.getMessage(RESOURCE, "CommonFtpFileTransferFailure", locale)
                            + ": " + ftp.getReplyString());
                }
                ftp.logout();
            }
        } catch (IOException ioe) {
            Debug.logWarning(ioe, "Could not put " + localFilename + " to " + hostname, MODULE);
            errorList.add(ioe.getMessage());
        } finally {
            if (ftp.isConnected()) {
                try {
                    ftp.disconnect();
                } catch (IOException dce) {
                    Debug.logWarning(dce, "Could not disconnect from " + hostname, MODULE);
                }
            }
        }
        return errorList.isEmpty() ? ServiceUtil.returnSuccess() : ServiceUtil.returnError(errorList);
    }
}
''')
cases_of(case, GH + 'apache/ofbiz-framework/pull/1300', 'framework/common/src/main/java/org/apache/ofbiz/common/FtpServices.java',
         J('org.apache.ofbiz.common', [
             'java.io.IOException', 'java.io.InputStream', 'java.nio.file.Files', 'java.nio.file.Paths',
             'java.util.LinkedList', 'java.util.List', 'java.util.Locale', 'java.util.Map',
             'org.apache.commons.net.ftp.FTP', 'org.apache.commons.net.ftp.FTPClient',
             'org.apache.commons.net.ftp.FTPReply', 'org.apache.ofbiz.base.util.Debug',
             'org.apache.ofbiz.base.util.UtilProperties', 'org.apache.ofbiz.service.DispatchContext',
             'org.apache.ofbiz.service.ServiceUtil'])(OFBIZ), [
             (1, 'java-00-ofbiz-ftp-put-file-stream-left-open',
              'an edit opens the local file for the upload without closing it, so every scheduled export to a '
              'supplier\'s FTP server leaves one file handle open in the ERP', 'edit'),
             (2, 'java-00-ofbiz-ftp-put-file-without-timeouts',
              'an edit connects to the FTP server without connect or data timeouts, so a supplier server that stops '
              'answering holds the job thread of the invoice export for good', 'edit'),
             (0, 'java-ok-00-ofbiz-ftp-put-file-stream-closed',
              'clean: the fix reads the local file in try-with-resources', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-02: order service of a pet shop sample (mybatis-spring-boot-jpetstore)
JPETSTORE = template('jpetstore-order-service', r'''
/**
 * Places orders. Order numbers come from a counter seeded with the highest number in the database when the service
 * starts; the service is a singleton that every request thread shares.
 */
@Service
public class OrderService {
    private static final Logger LOGGER = LoggerFactory.getLogger(OrderService.class);

    private final ItemMapper itemMapper;
    private final OrderMapper orderMapper;
02|    private final AtomicInteger lastOrderId = new AtomicInteger();
1|    private int lastOrderId;

    public OrderService(ItemMapper itemMapper, OrderMapper orderMapper) {
        this.itemMapper = itemMapper;
        this.orderMapper = orderMapper;
    }

    @PostConstruct
    void loadLastOrderId() {
02|        lastOrderId.set(orderMapper.getMaxOrderId());
1|        lastOrderId = orderMapper.getMaxOrderId();
    }

    @Transactional
    public void insertOrder(Order order) {
02|        order.setOrderId(lastOrderId.incrementAndGet());
1|        order.setOrderId(++lastOrderId); //@CONC-03
        for (LineItem lineItem : order.getLineItems()) {
            itemMapper.updateInventoryQuantity(lineItem.getItemId(), lineItem.getQuantity());
        }
        orderMapper.insertOrder(order);
        orderMapper.insertOrderStatus(order);
        for (LineItem lineItem : order.getLineItems()) {
            lineItem.setOrderId(order.getOrderId());
            orderMapper.insertLineItem(lineItem);
        }
01|        LOGGER.debug("Inserted order {} for {} with {} line items", order.getOrderId(), order.getUsername(),
01|                order.getLineItems().size());
2|        LOGGER.debug("Inserted order " + order.getOrderId() + " for " + order.getUsername() + " with " //@LOG-02
2|                + order.getLineItems().size() + " line items");
    }

    @Transactional(readOnly = true)
    public Order getOrder(int orderId) {
        Order order = orderMapper.getOrder(orderId);
        order.setLineItems(orderMapper.getLineItemsByOrderId(orderId));
        return order;
    }
}
''')
cases_of(case, GH + 'kazuki43zoo/mybatis-spring-boot-jpetstore/issues/1',
         src('com.kazuki43zoo.jpetstore.service', 'OrderService'),
         JV('com.kazuki43zoo.jpetstore.service', {
             v: SLF4J + ['com.kazuki43zoo.jpetstore.domain.LineItem', 'com.kazuki43zoo.jpetstore.domain.Order',
                         'com.kazuki43zoo.jpetstore.mapper.ItemMapper', 'com.kazuki43zoo.jpetstore.mapper.OrderMapper',
                         'javax.annotation.PostConstruct', 'org.springframework.stereotype.Service',
                         'org.springframework.transaction.annotation.Transactional']
             + ([] if v == 1 else ['java.util.concurrent.atomic.AtomicInteger']) for v in (0, 1, 2)})(JPETSTORE), [
             (1, 'java-00-jpetstore-order-number-counter-unsynchronized',
              'an edit keeps the order-number counter in a plain int of the shared service, so two customers who '
              'check out at once can get the same order number and one order overwrites the other\'s lines', 'edit'),
             (2, 'java-00-jpetstore-order-debug-concatenated',
              'an edit builds the debug line of every inserted order by concatenation, so each checkout pays for '
              'the string with debug logging off', 'edit'),
             (0, 'java-ok-00-jpetstore-order-number-counter-atomic',
              'clean: the fix keeps the counter in an AtomicInteger', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / RES-01: HTTP connection of a PayPal SDK (PayPal-Java-SDK)
PAYPAL = template('paypal-default-http-connection', r'''
/** Sends the SDK's API calls over {@link HttpURLConnection}. */
public class DefaultHttpConnection extends HttpConnection {

    private static final Logger log = LoggerFactory.getLogger(DefaultHttpConnection.class);

    @Override
    public void createAndconfigureHttpConnection(HttpConfiguration clientConfiguration) throws IOException {
        this.config = clientConfiguration;
        URL url = new URL(this.config.getEndPointUrl());
        Proxy proxy = null;
        if (this.config.isProxySet()) {
            proxy = new Proxy(Proxy.Type.HTTP,
                    new InetSocketAddress(this.config.getProxyHost(), this.config.getProxyPort()));
        }
        this.connection = (HttpURLConnection) (proxy == null ? url.openConnection() : url.openConnection(proxy)); //@{1}TMO-01
02|        this.connection.setConnectTimeout(this.config.getConnectionTimeout());
        this.connection.setReadTimeout(this.config.getReadTimeout());
        if (this.connection instanceof HttpsURLConnection) {
            ((HttpsURLConnection) this.connection).setSSLSocketFactory(this.sslContext.getSocketFactory());
        }
        this.connection.setDoInput(true);
        this.connection.setDoOutput(true);
        this.connection.setRequestMethod(this.config.getHttpMethod());
        this.connection.setUseCaches(false);
    }

    /** Reads the whole error body of a failed call, for the exception that reports it. */
    @Override
    protected String readErrorResponse() throws IOException {
        InputStream errorStream = this.connection.getErrorStream();
        if (errorStream == null) {
            return "";
        }
01|        try (BufferedReader reader = new BufferedReader(new InputStreamReader(errorStream, StandardCharsets.UTF_8))) {
01|            String body = reader.lines().collect(Collectors.joining(System.lineSeparator()));
01|            log.debug("PayPal error response: {}", body);
01|            return body;
01|        }
2|        BufferedReader reader = new BufferedReader(new InputStreamReader(errorStream, StandardCharsets.UTF_8)); //@RES-01
2|        String body = reader.lines().collect(Collectors.joining(System.lineSeparator()));
2|        log.debug("PayPal error response: {}", body);
2|        return body;
    }
}
''')
cases_of(case, GH + 'paypal/PayPal-Java-SDK/pull/409', src('com.paypal.base', 'DefaultHttpConnection'),
         J('com.paypal.base', SLF4J + [
             'java.io.BufferedReader', 'java.io.IOException', 'java.io.InputStream', 'java.io.InputStreamReader',
             'java.net.HttpURLConnection', 'java.net.InetSocketAddress', 'java.net.Proxy', 'java.net.URL',
             'java.nio.charset.StandardCharsets', 'java.util.stream.Collectors',
             'javax.net.ssl.HttpsURLConnection'])(PAYPAL), [
             (1, 'java-00-paypal-connection-without-connect-timeout',
              'an edit configures the API connection without its connect timeout, so a refund call to a PayPal edge '
              'that does not accept the connection blocks the merchant\'s request thread without limit', 'edit'),
             (2, 'java-00-paypal-error-response-reader-left-open',
              'an edit reads the error body of a failed call without closing the reader, so every declined payment '
              'leaves its connection\'s stream open and the connection out of the keep-alive pool', 'edit'),
             (0, 'java-ok-00-paypal-connection-with-connect-timeout',
              'clean: the fix sets the configured connect timeout again', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / ERR-01: HTTP communication of a payment processor SDK (litle-sdk-for-java), renamed file
LITLE = template('litle-communication', r'''
/** Sends XML requests to the Litle online endpoint. One instance serves every request of a LitleOnline object. */
public class HttpCommunication {

    private static final Logger LOG = Logger.getLogger(HttpCommunication.class.getName());

02|    private final CloseableHttpClient httpClient;
1|    private final RequestConfig requestConfig;

    public HttpCommunication(int timeoutMillis) {
02|        RequestConfig requestConfig = RequestConfig.custom()
1|        requestConfig = RequestConfig.custom()
                .setConnectTimeout(timeoutMillis)
                .setSocketTimeout(timeoutMillis)
                .build();
02|        httpClient = HttpClients.custom().setDefaultRequestConfig(requestConfig).build();
    }

    public String requestToServer(String xmlRequest, Properties configuration) {
        HttpPost post = new HttpPost(configuration.getProperty("url"));
        post.setHeader("Content-Type", "text/xml; charset=UTF-8");
        post.setEntity(new StringEntity(xmlRequest, StandardCharsets.UTF_8));
1|        CloseableHttpClient httpClient = HttpClients.custom().setDefaultRequestConfig(requestConfig).build(); //@RES-04
        try (CloseableHttpResponse response = httpClient.execute(post)) {
            int status = response.getStatusLine().getStatusCode();
            String body = EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new LitleOnlineException("Litle answered HTTP " + status + ": " + body);
            }
            if (Boolean.parseBoolean(configuration.getProperty("printxml"))) {
                LOG.info("Response XML: " + body);
            }
            return body;
        } catch (IOException e) { //@{2}ERR-01
01|            throw new LitleOnlineException("Exception connecting to Litle", e);
2|            return null;
        }
    }
}
''')
cases_of(case, GH + 'Vantiv/litle-sdk-for-java/pull/3', src('com.litle.sdk', 'HttpCommunication'),
         J('com.litle.sdk', [
             'java.io.IOException', 'java.nio.charset.StandardCharsets', 'java.util.Properties',
             'java.util.logging.Logger', 'org.apache.http.client.config.RequestConfig',
             'org.apache.http.client.methods.CloseableHttpResponse', 'org.apache.http.client.methods.HttpPost',
             'org.apache.http.entity.StringEntity', 'org.apache.http.impl.client.CloseableHttpClient',
             'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils'])(LITLE), [
             (1, 'java-00-litle-renamed-communication-client-per-request',
              'a PR renames the communication class and builds an HTTP client for every request, so each '
              'authorization opens a new connection to Litle and leaves the client\'s pool behind unclosed',
              'rename'),
             (2, 'java-00-litle-renamed-communication-io-error-swallowed',
              'a PR renames the communication class and answers a connection failure with null, so a payment whose '
              'authorization never reached Litle looks to the caller like an empty response', 'rename'),
             (0, 'java-ok-00-litle-renamed-communication',
              'clean: the rename alone; one client per instance and connection errors thrown', 'rename'),
         ], rename_from='src/main/java/com/litle/sdk/Communication.java',
         rename_old=lambda t: t.replace('HttpCommunication', 'Communication'))


# ---------------------------------------------------------------- CONC-05 / CONC-06: wallet poller of a decentralized exchange (haveno), new file
HAVENO = template('haveno-wallet-poller', r'''
/**
 * Polls the Monero wallet for new blocks and balance changes in the background and tells the listeners. Polling
 * stops when the thread is interrupted, which is how the application shuts its services down.
 */
public class WalletPoller {
    private static final Logger log = LoggerFactory.getLogger(WalletPoller.class);

    private final MoneroWallet wallet;
    private final long periodMs;
    private final ExecutorService listenerExecutor;
    private final List<WalletListener> listeners = new CopyOnWriteArrayList<>();

    public WalletPoller(MoneroWallet wallet, long periodMs, ExecutorService listenerExecutor) {
        this.wallet = wallet;
        this.periodMs = periodMs;
        this.listenerExecutor = listenerExecutor;
    }

    public void addListener(WalletListener listener) {
        listeners.add(listener);
    }

    /** Runs on the poller's own thread until it is interrupted. */
    public void run() {
        long lastHeight = wallet.getHeight();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wallet.sync();
                long height = wallet.getHeight();
                if (height != lastHeight) {
                    lastHeight = height;
                    notifyListeners(height, wallet.getBalance());
                }
            } catch (MoneroError e) {
                log.warn("Wallet poll failed, retrying in {} ms: {}", periodMs, e.getMessage());
            }
            try {
                Thread.sleep(periodMs);
            } catch (InterruptedException e) { //@{1}CONC-05
02|                Thread.currentThread().interrupt();
1|                log.info("Wallet poller woken up early");
            }
        }
        log.info("Wallet poller stopped");
    }

    private void notifyListeners(long height, BigInteger balance) {
        for (WalletListener listener : listeners) {
01|            listenerExecutor.execute(() -> listener.onWalletChanged(height, balance));
2|            listenerExecutor.submit(() -> listener.onWalletChanged(height, balance)); //@CONC-06
        }
    }
}
''')
cases_of(case, GH + 'haveno-dex/haveno/pull/765', 'core/src/main/java/haveno/core/xmr/wallet/WalletPoller.java',
         J('haveno.core.xmr.wallet', SLF4J + [
             'java.math.BigInteger', 'java.util.List', 'java.util.concurrent.CopyOnWriteArrayList',
             'java.util.concurrent.ExecutorService', 'monero.common.MoneroError', 'monero.wallet.MoneroWallet'])(HAVENO), [
             (1, 'java-00-haveno-new-wallet-poller-swallows-interrupt',
              'a new wallet poller answers an interrupt during its pause with a log line, so shutting the exchange '
              'down leaves the poller syncing the wallet for ever and the process never exits', 'new'),
             (2, 'java-00-haveno-new-wallet-poller-listener-futures-dropped',
              'a new wallet poller submits each listener notification and drops the future, so a listener that '
              'throws while updating a trade\'s balance fails without a trace', 'new'),
             (0, 'java-ok-00-haveno-new-wallet-poller',
              'clean: a new wallet poller that keeps the interrupt and hands listeners to execute', 'new'),
         ])


# ---------------------------------------------------------------- CONC-07 / CONC-02: notification queue dispatcher of a billing platform (killbill-commons)
KILLBILL = template('killbill-notification-dispatcher', r'''
/**
 * Polls the notification queues of this node for ready entries and hands them to the handlers. One scheduled task
 * polls; the handlers run on the dispatch pool, whose queue is bounded so a backlog of ready notifications waits in
 * the database rather than in memory.
 */
public class NotificationQueueDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationQueueDispatcher.class);

    private final NotificationQueueConfig config;
    private final NotificationSqlDao dao;
    private final Map<String, NotificationQueueHandler> handlers;
    private final ScheduledExecutorService poller;
    private final ExecutorService dispatchPool;

    public NotificationQueueDispatcher(NotificationQueueConfig config, NotificationSqlDao dao,
                                       Map<String, NotificationQueueHandler> handlers) {
        this.config = config;
        this.dao = dao;
        this.handlers = handlers;
        this.poller = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("notification-poller"));
01|        this.dispatchPool = new ThreadPoolExecutor(config.getNbThreads(), config.getNbThreads(), 0L,
01|                TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(config.getQueueCapacity()),
01|                new NamedThreadFactory("notification-dispatch"), new ThreadPoolExecutor.CallerRunsPolicy());
2|        this.dispatchPool = Executors.newCachedThreadPool(new NamedThreadFactory("notification-dispatch")); //@CONC-02
    }

    public void start() {
02|        poller.scheduleWithFixedDelay(this::pollSafely, 0, config.getPollingSleepTimeMs(), TimeUnit.MILLISECONDS);
1|        poller.scheduleWithFixedDelay(this::poll, 0, config.getPollingSleepTimeMs(), TimeUnit.MILLISECONDS); //@CONC-07
    }

02|    private void pollSafely() {
02|        try {
02|            poll();
02|        } catch (RuntimeException e) {
02|            log.warn("Notification poll failed, next attempt in {} ms", config.getPollingSleepTimeMs(), e);
02|        }
02|    }
02|
    private void poll() {
        List<NotificationModelDao> ready = dao.getReadyEntries(Instant.now(), config.getMaxEntriesPerPoll(),
                config.getOwner());
        for (NotificationModelDao entry : ready) {
            NotificationQueueHandler handler = handlers.get(entry.getQueueName());
            if (handler == null) {
                log.warn("No handler for notification {} of queue {}", entry.getRecordId(), entry.getQueueName());
                continue;
            }
            dao.claimEntry(entry.getRecordId(), config.getOwner());
            dispatchPool.execute(() -> handler.handleReadyNotification(entry));
        }
    }

    public void stop() throws InterruptedException {
        poller.shutdown();
        dispatchPool.shutdown();
        dispatchPool.awaitTermination(config.getShutdownTimeoutMs(), TimeUnit.MILLISECONDS);
    }
}
''')
cases_of(case, GH + 'killbill/killbill-commons/issues/12',
         src('org.killbill.notificationq', 'NotificationQueueDispatcher'),
         JV('org.killbill.notificationq', {
             v: SLF4J + ['java.time.Instant', 'java.util.List', 'java.util.Map', 'java.util.concurrent.ExecutorService',
                         'java.util.concurrent.Executors', 'java.util.concurrent.ScheduledExecutorService',
                         'java.util.concurrent.TimeUnit', 'org.killbill.commons.concurrent.NamedThreadFactory',
                         'org.killbill.notificationq.api.NotificationQueueConfig',
                         'org.killbill.notificationq.api.NotificationQueueHandler',
                         'org.killbill.notificationq.dao.NotificationModelDao',
                         'org.killbill.notificationq.dao.NotificationSqlDao']
             + ([] if v == 2 else ['java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ThreadPoolExecutor'])
             for v in (0, 1, 2)})(KILLBILL), [
             (1, 'java-00-killbill-notification-poll-dies-on-first-failure',
              'an edit schedules the notification poll without its catch, so one database error during a poll '
              'silently ends polling and no invoice or payment notification of the node fires again', 'edit'),
             (2, 'java-00-killbill-notification-dispatch-pool-unbounded',
              'an edit hands ready notifications to a cached thread pool, so a backlog after an outage starts one '
              'thread per notification and exhausts the billing node', 'edit'),
             (0, 'java-ok-00-killbill-notification-poll-catches-failures',
              'clean: the fix polls through a wrapper that logs and keeps the schedule', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-01 / LOG-01: real-time quotes of a trading platform (tradista)
TRADISTA = template('tradista-real-time-quotes', r'''
/**
 * Keeps the quotes of a trading dashboard current while "Real Time" is ticked: a background thread reads the quote
 * set every refresh period and pushes the changed values to the dashboard.
 */
public class RealTimeQuoteUpdater implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(RealTimeQuoteUpdater.class);

    private final QuoteBusinessDelegate quoteBusinessDelegate;
    private final QuoteSet quoteSet;
    private final Set<String> quoteNames;
    private final Consumer<List<QuoteValue>> dashboard;
    private final long refreshMillis;
    private volatile boolean running;
    private Thread thread;

    public RealTimeQuoteUpdater(QuoteBusinessDelegate quoteBusinessDelegate, QuoteSet quoteSet, Set<String> quoteNames,
                                Consumer<List<QuoteValue>> dashboard, long refreshMillis) {
        this.quoteBusinessDelegate = quoteBusinessDelegate;
        this.quoteSet = quoteSet;
        this.quoteNames = quoteNames;
        this.dashboard = dashboard;
        this.refreshMillis = refreshMillis;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this, "real-time-quotes-" + quoteSet.getName()); //@{1}CONC-01
02|        thread.setUncaughtExceptionHandler((t, e) -> {
02|            LOGGER.error("Real time update of quote set {} stopped", quoteSet.getName(), e);
02|            running = false;
02|        });
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public void run() {
        LocalDate today = LocalDate.now();
        while (running) {
            List<QuoteValue> values = quoteBusinessDelegate.getQuoteValuesByQuoteSetIdQuoteNamesAndDate(
                    quoteSet.getId(), quoteNames, today);
2|            for (QuoteValue value : values) {
2|                LOGGER.info("Quote {} at {}: bid {} ask {}", value.getQuote().getName(), value.getDate(), //@LOG-01
2|                        value.getBid(), value.getAsk());
2|            }
            dashboard.accept(values);
            try {
                Thread.sleep(refreshMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
''')
cases_of(case, GH + 'eclipse-tradista/tradista/issues/152',
         'core/src/main/java/org/eclipse/tradista/core/marketdata/service/RealTimeQuoteUpdater.java',
         J('org.eclipse.tradista.core.marketdata.service', SLF4J + [
             'java.time.LocalDate', 'java.util.List', 'java.util.Set', 'java.util.function.Consumer',
             'org.eclipse.tradista.core.marketdata.model.QuoteSet', 'org.eclipse.tradista.core.marketdata.model.QuoteValue'
         ])(TRADISTA), [
             (1, 'java-00-tradista-real-time-thread-without-handler',
              'an edit starts the real-time quote thread without an uncaught-exception handler, so a quote set that '
              'fails to load kills the updater silently while the dashboard still shows "Real Time" ticked', 'edit'),
             (2, 'java-00-tradista-real-time-logs-every-quote',
              'an edit logs every quote value at info level on each refresh, so a dashboard with hundreds of '
              'securities writes hundreds of lines a second for as long as real time is on', 'edit'),
             (0, 'java-ok-00-tradista-real-time-thread-with-handler',
              'clean: the fix gives the thread its handler back', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / LOG-02: URL connection manager of a shop's mailing integration (ecwid-mailchimp)
ECWID = template('ecwid-url-connection-manager', r'''
/**
 * Sends MailChimp API calls through {@link HttpURLConnection}, for environments (Google App Engine) where Apache
 * HttpClient cannot be used. Both timeouts can be changed; the defaults keep a list export from waiting for ever.
 */
public class JavaNetURLConnectionManager implements MailChimpConnectionManager {

    private static final Logger log = Logger.getLogger(JavaNetURLConnectionManager.class.getName());

    private int connectTimeout = 15_000;
    private int readTimeout = 300_000;

    public void setConnectTimeout(int connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public void setReadTimeout(int readTimeout) {
        this.readTimeout = readTimeout;
    }

    @Override
    public String post(String url, String payload) throws IOException {
        HttpURLConnection conn = (HttpURLConnection) new URL(url).openConnection(); //@{1}TMO-01
02|        conn.setConnectTimeout(connectTimeout);
02|        conn.setReadTimeout(readTimeout);
        conn.setRequestMethod("POST");
        conn.setDoOutput(true);
        conn.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
01|        if (log.isLoggable(Level.FINE)) {
01|            log.fine("Post to " + url + ": " + payload.length() + " chars");
01|        }
2|        log.fine("Post to " + url + ": " + payload.length() + " chars"); //@LOG-02
        try (OutputStream out = conn.getOutputStream()) {
            out.write(payload.getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = conn.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            conn.disconnect();
        }
    }

    @Override
    public void close() {
        // nothing to release: each call opens and disconnects its own connection
    }
}
''')
cases_of(case, GH + 'Ecwid/ecwid-mailchimp/pull/10', src('com.ecwid.mailchimp.connection', 'JavaNetURLConnectionManager'),
         JV('com.ecwid.mailchimp.connection', {
             v: ['java.io.IOException', 'java.io.InputStream', 'java.io.OutputStream', 'java.net.HttpURLConnection',
                 'java.net.URL', 'java.nio.charset.StandardCharsets', 'java.util.logging.Logger']
             + ([] if v == 2 else ['java.util.logging.Level']) for v in (0, 1, 2)})(ECWID), [
             (1, 'java-00-ecwid-mailchimp-connection-without-timeouts',
              'an edit opens the MailChimp connection without applying the configured timeouts, so a list export '
              'on App Engine waits on a stalled API until the platform kills the request', 'edit'),
             (2, 'java-00-ecwid-mailchimp-fine-log-concatenated',
              'an edit drops the level guard of the per-call fine log, so every subscribe call of a shop builds the '
              'log string even with fine logging off', 'edit'),
             (0, 'java-ok-00-ecwid-mailchimp-connection-with-timeouts',
              'clean: the fix applies both timeouts to each connection', 'fix'),
         ])
