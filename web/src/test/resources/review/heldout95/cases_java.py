"""Round-95 Java cases, written for this corpus from the checklist item titles (see SOURCES.md). Templates as in
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


# ---------------------------------------------------------------- CONC-07 / LOG-02: notification mail scheduler of a project hosting tool (yona)
YONA = template('yona-notification-scheduler', r'''
/**
 * Sends the queued notification mails in batches on one scheduler thread. A mail whose address or template breaks
 * must not stop the schedule: the next round has to go on with the other mails.
 */
public class NotificationMailScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationMailScheduler.class);
    private static final int BATCH_SIZE = 50;

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "notification-mail"));
    private final NotificationMailRepository repository;
    private final Mailer mailer;
    private final Duration interval;

    public NotificationMailScheduler(NotificationMailRepository repository, Mailer mailer, Duration interval) {
        this.repository = repository;
        this.mailer = mailer;
        this.interval = interval;
    }

    public void start() {
        long delay = interval.toMillis();
01|        scheduler.scheduleWithFixedDelay(this::sendQueuedSafely, delay, delay, TimeUnit.MILLISECONDS);
2|        scheduler.scheduleWithFixedDelay(this::sendQueued, delay, delay, TimeUnit.MILLISECONDS); //@CONC-07
    }

    public void stop() {
        scheduler.shutdownNow();
    }

01|    private void sendQueuedSafely() {
01|        try {
01|            sendQueued();
01|        } catch (Exception e) {
01|            LOG.error("Sending queued notification mails failed; the next round tries again", e);
01|        }
01|    }
01|
    void sendQueued() {
        List<NotificationMail> batch = repository.findUnsent(BATCH_SIZE);
        for (NotificationMail mail : batch) {
02|            LOG.debug("Sending notification {} to {} receivers", mail.getId(), mail.getReceivers().size());
1|            LOG.debug("Sending notification " + mail.getId() + " to " + mail.getReceivers()); //@LOG-02
            mailer.send(mail.toEmail());
            repository.markSent(mail);
        }
    }
}
''')
cases_of(case, GH + 'yona-projects/yona/issues/240', 'app/notification/NotificationMailScheduler.java',
         J('notification', ['java.time.Duration', 'java.util.List', 'java.util.concurrent.Executors',
                            'java.util.concurrent.ScheduledExecutorService', 'java.util.concurrent.TimeUnit',
                            'mailbox.Mailer', 'models.NotificationMail'] + SLF4J)(YONA), [
             (1, 'java-00-yona-notification-debug-concatenated',
              'an edit builds the debug line of every notification by concatenation with the whole receiver list, '
              'so each mail of a busy project pays for that string with debug logging off', 'edit'),
             (2, 'java-00-yona-notification-schedule-without-catch',
              'an edit schedules the mail round without its catch-all, so the first mail whose reply-to address '
              'breaks the builder ends the schedule and no notification goes out again', 'edit'),
             (0, 'java-ok-00-yona-notification-schedule-catches-all',
              'clean: the fix keeps the catch-all round and a parameterised debug line', 'fix'),
         ])


# ---------------------------------------------------------------- RES-02 / TMO-01: OER search index client of an e-learning repository (edu-sharing)
EDUSHARING = template('edu-sharing-oersi-client', r'''
/**
 * Client of the OERSI search index, which shows open educational resources of other repositories next to the local
 * ones. The index is queried for every search page, so the client is shared and its pool is small.
 */
public class OersiClient {
    private static final Logger logger = Logger.getLogger(OersiClient.class);

    private final CloseableHttpClient httpClient;
    private final String baseUrl;

    public OersiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.httpClient = HttpClients.custom() //@{2}TMO-01
01|                .setDefaultRequestConfig(RequestConfig.custom()
01|                        .setConnectTimeout(5_000)
01|                        .setConnectionRequestTimeout(5_000)
01|                        .setSocketTimeout(20_000)
01|                        .build())
                .setMaxConnTotal(20)
                .setMaxConnPerRoute(20)
                .build();
    }

    public List<OersiResource> search(String query, int size) throws IOException {
        HttpGet get = new HttpGet(baseUrl + "/resources/api/search/oer_data/_search?size=" + size + "&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        get.setHeader("Accept", "application/json");
02|        try (CloseableHttpResponse response = httpClient.execute(get)) {
02|            return readHits(response);
02|        }
1|        CloseableHttpResponse response = httpClient.execute(get); //@RES-02
1|        return readHits(response);
    }

    private List<OersiResource> readHits(CloseableHttpResponse response) throws IOException {
        int status = response.getStatusLine().getStatusCode();
        if (status != HttpStatus.SC_OK) {
            throw new IOException("OERSI answered " + status);
        }
        JSONObject body = new JSONObject(EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8));
        JSONArray hits = body.getJSONObject("hits").getJSONArray("hits");
        List<OersiResource> resources = new ArrayList<>(hits.length());
        for (int i = 0; i < hits.length(); i++) {
            resources.add(OersiResource.fromHit(hits.getJSONObject(i)));
        }
        logger.debug("OERSI returned " + resources.size() + " hits");
        return resources;
    }
}
''').replace('        logger.debug("OERSI returned " + resources.size() + " hits");\n', '')
TEMPLATES[-1] = ('edu-sharing-oersi-client', EDUSHARING)
cases_of(case, GH + 'edu-sharing/edu-sharing-community-repository/pull/31',
         'Backend/services/core/src/main/java/org/edu_sharing/service/oersi/OersiClient.java',
         JV('org.edu_sharing.service.oersi', {v: [
             'java.io.IOException', 'java.net.URLEncoder', 'java.nio.charset.StandardCharsets', 'java.util.ArrayList',
             'java.util.List', 'org.apache.http.HttpStatus', 'org.apache.http.client.methods.CloseableHttpResponse',
             'org.apache.http.client.methods.HttpGet', 'org.apache.http.impl.client.CloseableHttpClient',
             'org.apache.http.impl.client.HttpClients', 'org.apache.http.util.EntityUtils', 'org.apache.log4j.Logger',
             'org.json.JSONArray', 'org.json.JSONObject'] + (['org.apache.http.client.config.RequestConfig']
                                                            if v != 2 else []) for v in (0, 1, 2)})(EDUSHARING), [
             (1, 'java-00-edu-sharing-oersi-response-not-closed',
              'an edit no longer closes the index\'s response, so every search the index answers with an error keeps '
              'a pooled connection until the pool of twenty is empty and searches hang', 'edit'),
             (2, 'java-00-edu-sharing-oersi-client-without-timeouts',
              'an edit builds the shared index client without its request configuration, so a stalled index holds '
              'each search page open with no connect or read timeout', 'edit'),
             (0, 'java-ok-00-edu-sharing-oersi-response-closed',
              'clean: the fix closes each response with try-with-resources on a client with timeouts', 'fix'),
         ])


# ---------------------------------------------------------------- TMO-01 / CONC-06: SMTP email sender of a peer-feedback e-learning platform (TEAMMATES), new file
TEAMMATES = template('teammates-smtp-service', r'''
/**
 * Email sender service that delivers through a plain SMTP relay, for deployments outside Google Cloud. Bulk sends
 * (session opening reminders to a whole course) go through a small bounded pool.
 */
public class SmtpService implements EmailSenderService {

    private static final Logger log = Logger.getLogger();

    private final Session session;
    private final ExecutorService executor = new ThreadPoolExecutor(2, 4, 60, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), new ThreadPoolExecutor.CallerRunsPolicy());

    public SmtpService() {
        Properties props = new Properties();
        props.put("mail.smtp.host", Config.SMTP_HOST);
        props.put("mail.smtp.port", String.valueOf(Config.SMTP_PORT));
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.starttls.enable", "true");
02|        props.put("mail.smtp.connectiontimeout", "10000");
02|        props.put("mail.smtp.timeout", "30000");
02|        props.put("mail.smtp.writetimeout", "30000");
        session = Session.getInstance(props, new Authenticator() { //@{1}TMO-01
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(Config.SMTP_USERNAME, Config.SMTP_PASSWORD);
            }
        });
    }

    @Override
    public EmailSendingStatus sendEmail(EmailWrapper wrapper) throws EmailSendingException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(wrapper.getSenderEmail(), wrapper.getSenderName()));
            message.setReplyTo(InternetAddress.parse(wrapper.getReplyTo()));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(wrapper.getRecipient()));
            message.setSubject(wrapper.getSubject());
            message.setContent(wrapper.getContent(), "text/html; charset=utf-8");
            Transport.send(message);
            return new EmailSendingStatus(HttpStatus.SC_OK, null);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new EmailSendingException(e, HttpStatus.SC_BAD_GATEWAY);
        }
    }

    @Override
    public void sendEmails(List<EmailWrapper> wrappers) {
01|        List<Future<?>> pending = new ArrayList<>(wrappers.size());
        for (EmailWrapper wrapper : wrappers) {
01|            pending.add(executor.submit(() -> sendEmail(wrapper)));
2|            executor.submit(() -> sendEmail(wrapper)); //@CONC-06
        }
01|        for (Future<?> result : pending) {
01|            try {
01|                result.get();
01|            } catch (ExecutionException e) {
01|                log.severe("Could not send a bulk email", e.getCause());
01|            } catch (InterruptedException e) {
01|                Thread.currentThread().interrupt();
01|                return;
01|            }
01|        }
    }
}
''')
cases_of(case, GH + 'TEAMMATES/teammates/issues/2270', src('teammates.logic.external', 'SmtpService'),
         JV('teammates.logic.external', {v: [
             'jakarta.mail.Authenticator', 'jakarta.mail.Message', 'jakarta.mail.MessagingException',
             'jakarta.mail.PasswordAuthentication', 'jakarta.mail.Session', 'jakarta.mail.Transport',
             'jakarta.mail.internet.InternetAddress', 'jakarta.mail.internet.MimeMessage',
             'java.io.UnsupportedEncodingException', 'java.util.List', 'java.util.Properties',
             'java.util.concurrent.ArrayBlockingQueue', 'java.util.concurrent.ExecutorService',
             'java.util.concurrent.ThreadPoolExecutor', 'java.util.concurrent.TimeUnit',
             'org.apache.http.HttpStatus', 'teammates.common.exception.EmailSendingException',
             'teammates.common.util.Config', 'teammates.common.util.EmailSendingStatus',
             'teammates.common.util.EmailWrapper', 'teammates.common.util.Logger'] + (
             ['java.util.ArrayList', 'java.util.concurrent.ExecutionException', 'java.util.concurrent.Future']
             if v != 2 else []) for v in (0, 1, 2)})(TEAMMATES), [
             (1, 'java-00-teammates-new-smtp-service-without-timeouts',
              'a new SMTP sender opens its mail session without connect, read or write timeouts, so a relay that '
              'stops answering blocks the request or the reminder job that sends for ever', 'new'),
             (2, 'java-00-teammates-new-smtp-service-bulk-futures-dropped',
              'a new SMTP sender submits each bulk email and drops its future, so a relay that refuses a course\'s '
              'reminders loses them without a log line', 'new'),
             (0, 'java-ok-00-teammates-new-smtp-service',
              'clean: a new SMTP sender with timeouts that waits for every bulk email and logs failures', 'new'),
         ])


# ---------------------------------------------------------------- CONC-02 / CONC-04: email executor of a test reporting service (reportportal), renamed file
REPORTPORTAL = template('reportportal-email-executor', r'''
/**
 * Executor of the notification emails a launch sends when it finishes. Its tasks carry the logging context of the
 * request that finished the launch, and a pooled thread must not keep it for the next task.
 */
@Configuration
public class EmailExecutorConfig {

    @Bean(name = "emailExecutor")
    public ThreadPoolTaskExecutor emailExecutor(@Value("${rp.email.executor.core:5}") int corePoolSize,
            @Value("${rp.email.executor.max:20}") int maxPoolSize) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(); //@{1}CONC-02
        executor.setCorePoolSize(corePoolSize);
        executor.setMaxPoolSize(maxPoolSize);
02|        executor.setQueueCapacity(500);
02|        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setAllowCoreThreadTimeOut(true);
        executor.setThreadNamePrefix("rp-email-");
        executor.setTaskDecorator(task -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            return () -> {
01|                if (context != null) {
01|                    MDC.setContextMap(context);
01|                }
01|                try {
01|                    task.run();
01|                } finally {
01|                    MDC.clear();
01|                }
2|                MDC.setContextMap(context); //@CONC-04
2|                task.run();
            };
        });
        executor.initialize();
        return executor;
    }
}
''')
cases_of(case, GH + 'reportportal/service-api/pull/2034',
         src('com.epam.ta.reportportal.core.configs.email', 'EmailExecutorConfig'),
         JV('com.epam.ta.reportportal.core.configs.email', {v: [
             'java.util.Map', 'org.slf4j.MDC', 'org.springframework.beans.factory.annotation.Value',
             'org.springframework.context.annotation.Bean', 'org.springframework.context.annotation.Configuration',
             'org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor'] + (
             ['java.util.concurrent.ThreadPoolExecutor'] if v != 1 else []) for v in (0, 1, 2)})(REPORTPORTAL), [
             (1, 'java-00-reportportal-renamed-email-executor-unbounded',
              'a PR moves the email executor configuration to its own package and drops the queue capacity, so the '
              'executor\'s queue has no bound and a mail server outage piles up every launch\'s emails in memory',
              'rename'),
             (2, 'java-00-reportportal-renamed-email-executor-mdc-kept',
              'a PR moves the email executor configuration to its own package and sets the request\'s logging '
              'context on the pooled thread without clearing it, so later emails log the wrong project and user',
              'rename'),
             (0, 'java-ok-00-reportportal-renamed-email-executor',
              'clean: the move alone; the queue is bounded and the logging context is cleared after each task',
              'rename'),
         ], rename_from='src/main/java/com/epam/ta/reportportal/core/configs/EmailExecutorConfig.java',
         rename_old=lambda t: t.replace('package com.epam.ta.reportportal.core.configs.email;',
                                        'package com.epam.ta.reportportal.core.configs;'))


# ---------------------------------------------------------------- RES-01 / TX-01: processed-commit bookkeeping of a headless CMS (craftercms studio)
CRAFTER = template('craftercms-processed-commits', r'''
/**
 * Keeps track of the commits made directly to a site's git repository (outside Studio) that Studio has already
 * synchronised into its database.
 */
public class ProcessedCommitsServiceImpl implements ProcessedCommitsService {

    private final GitRepositoryHelper helper;
    private final GitLogDAO gitLogDao;
    private final AuditServiceInternal auditServiceInternal;
    private final PlatformTransactionManager transactionManager;

    public ProcessedCommitsServiceImpl(GitRepositoryHelper helper, GitLogDAO gitLogDao,
                                       AuditServiceInternal auditServiceInternal,
                                       PlatformTransactionManager transactionManager) {
        this.helper = helper;
        this.gitLogDao = gitLogDao;
        this.auditServiceInternal = auditServiceInternal;
        this.transactionManager = transactionManager;
    }

    @Override
    public List<String> unprocessedCommits(String siteId, String lastProcessedCommitId) throws IOException {
02|        try (Repository repository = helper.openRepository(siteId)) {
02|            return helper.listCommitIdsSince(repository, lastProcessedCommitId);
02|        }
1|        Repository repository = helper.openRepository(siteId); //@RES-01
1|        return helper.listCommitIdsSince(repository, lastProcessedCommitId);
    }

    @Override
    public void markProcessed(String siteId, List<String> commitIds) {
        TransactionStatus tx = transactionManager.getTransaction(new DefaultTransactionDefinition()); //@{2}TX-01
01|        try {
01|            for (String commitId : commitIds) {
01|                gitLogDao.markGitLogProcessed(siteId, commitId);
01|            }
01|            auditServiceInternal.insertAuditLog(processedAudit(siteId, commitIds));
01|            transactionManager.commit(tx);
01|        } catch (RuntimeException e) {
01|            transactionManager.rollback(tx);
01|            throw e;
01|        }
2|        for (String commitId : commitIds) {
2|            gitLogDao.markGitLogProcessed(siteId, commitId);
2|        }
2|        auditServiceInternal.insertAuditLog(processedAudit(siteId, commitIds));
2|        transactionManager.commit(tx);
    }

    private AuditLog processedAudit(String siteId, List<String> commitIds) {
        AuditLog auditLog = auditServiceInternal.createAuditLogEntry();
        auditLog.setOperation(OPERATION_GIT_SYNC);
        auditLog.setSiteId(siteId);
        auditLog.setPrimaryTargetValue(String.join(",", commitIds));
        return auditLog;
    }
}
''')
cases_of(case, GH + 'craftercms/studio/pull/2814',
         src('org.craftercms.studio.impl.v2.service.repository.internal', 'ProcessedCommitsServiceImpl'),
         J('org.craftercms.studio.impl.v2.service.repository.internal', [
             'java.io.IOException', 'java.util.List', 'org.craftercms.studio.api.v2.dal.AuditLog',
             'org.craftercms.studio.api.v2.dal.GitLogDAO',
             'org.craftercms.studio.api.v2.service.audit.internal.AuditServiceInternal',
             'org.craftercms.studio.api.v2.service.repository.internal.ProcessedCommitsService',
             'org.craftercms.studio.api.v2.utils.GitRepositoryHelper', 'org.eclipse.jgit.lib.Repository',
             'org.springframework.transaction.PlatformTransactionManager',
             'org.springframework.transaction.TransactionStatus',
             'org.springframework.transaction.support.DefaultTransactionDefinition',
             'static org.craftercms.studio.api.v1.constant.StudioConstants.OPERATION_GIT_SYNC'])(CRAFTER), [
             (1, 'java-00-craftercms-site-repository-not-closed',
              'an edit no longer closes the site repository it opens to list unprocessed commits, so every sync '
              'round leaks the repository\'s pack file handles', 'edit'),
             (2, 'java-00-craftercms-processed-commits-transaction-not-ended',
              'an edit drops the rollback around marking commits processed, so a failing audit insert leaves the '
              'transaction and its pooled connection open', 'edit'),
             (0, 'java-ok-00-craftercms-processed-commits',
              'clean: the fix closes the repository and ends the transaction on every path', 'fix'),
         ])


# ---------------------------------------------------------------- TIME-01 / CONC-06: scheduled publishing of a CMS (opencms)
OPENCMS = template('opencms-scheduled-publish', r'''
/**
 * Schedules the publishing of a resource at the date an editor entered in the workplace. The date is entered in the
 * editor's own time zone, which can differ from the server's.
 */
public class CmsScheduledPublishService {

    private static final Log LOG = CmsLog.getLog(CmsScheduledPublishService.class);
    private static final String DATE_PATTERN = "dd.MM.yyyy HH:mm";

    private final Executor notificationExecutor;

    public CmsScheduledPublishService(Executor notificationExecutor) {
        this.notificationExecutor = notificationExecutor;
    }

    public CmsScheduledJobInfo schedule(CmsObject cms, String resourcePath, String dateText)
    throws CmsException, ParseException {
        SimpleDateFormat format = new SimpleDateFormat(DATE_PATTERN, cms.getRequestContext().getLocale()); //@{1}TIME-01
02|        format.setTimeZone(editorTimeZone(cms));
        format.setLenient(false);
        Date publishDate = format.parse(dateText);
        if (publishDate.getTime() <= System.currentTimeMillis()) {
            throw new CmsIllegalArgumentException(Messages.get().container(Messages.ERR_PUBLISH_DATE_PAST_1, dateText));
        }

        CmsScheduledJobInfo job = newPublishJob(cms, resourcePath, publishDate);
        OpenCms.getScheduleManager().scheduleJob(cms, job);
01|        CompletableFuture.runAsync(() -> notifyEditors(cms, resourcePath, publishDate), notificationExecutor)
01|            .exceptionally(e -> {
01|                LOG.error(e.getLocalizedMessage(), e);
01|                return null;
01|            });
2|        CompletableFuture.runAsync(() -> notifyEditors(cms, resourcePath, publishDate), notificationExecutor); //@CONC-06
        return job;
    }

    private TimeZone editorTimeZone(CmsObject cms) {
        Object zone = cms.getRequestContext().getCurrentUser().getAdditionalInfo(CmsUserSettings.ADDITIONAL_INFO_TIMEZONE);
        return zone != null ? TimeZone.getTimeZone(zone.toString()) : OpenCms.getLocaleManager().getTimeZone();
    }
}
''')
cases_of(case, GH + 'alkacon/opencms-core/issues/829',
         'src/org/opencms/workplace/tools/publishqueue/CmsScheduledPublishService.java',
         J('org.opencms.workplace.tools.publishqueue', [
             'java.text.ParseException', 'java.text.SimpleDateFormat', 'java.util.Date', 'java.util.TimeZone',
             'java.util.concurrent.CompletableFuture', 'java.util.concurrent.Executor', 'org.apache.commons.logging.Log',
             'org.opencms.db.CmsUserSettings', 'org.opencms.file.CmsObject', 'org.opencms.main.CmsException',
             'org.opencms.main.CmsIllegalArgumentException', 'org.opencms.main.CmsLog', 'org.opencms.main.OpenCms',
             'org.opencms.scheduler.CmsScheduledJobInfo'])(OPENCMS), [
             (1, 'java-00-opencms-publish-date-in-server-zone',
              'an edit parses the publish date an editor typed in the server\'s zone, so an editor six hours west of '
              'the server has the resource published six hours early', 'edit'),
             (2, 'java-00-opencms-publish-notification-future-dropped',
              'an edit drops the future of the editors\' notification, so a failing mail server loses the '
              'confirmation of every scheduled publish without a log line', 'edit'),
             (0, 'java-ok-00-opencms-publish-date-in-editor-zone',
              'clean: the fix parses the date in the editor\'s zone and logs notification failures', 'fix'),
         ])


# ---------------------------------------------------------------- RES-04 / LOG-01: URL shortening service of a municipal services platform (egov)
EGOV = template('egov-url-converter', r'''
@Slf4j
@Service
public class URLConverterService {

    private final URLRepository urlRepository;
    private final RestTemplate restTemplate;
    private final String eventServiceUrl;

    @Autowired
    public URLConverterService(URLRepository urlRepository, RestTemplate restTemplate,
                               @Value("${egov.user.event.service.url}") String eventServiceUrl) {
        this.urlRepository = urlRepository;
        this.restTemplate = restTemplate;
        this.eventServiceUrl = eventServiceUrl;
    }

    /**
     * Resolves a short key to the long URL it stands for. Every citizen who opens a shortened link from an SMS or a
     * receipt comes through here.
     */
    public String getLongURLFromID(String uniqueID) throws Exception {
        Long dictionaryKey = IDConvertor.getDictionaryKeyFromUniqueID(uniqueID);
        String longUrl = urlRepository.getUrl(dictionaryKey);
2|        log.info("Converting shortened URL {} back to {}", uniqueID, longUrl); //@LOG-01
        if (longUrl == null) {
            throw new CustomException("INVALID_REQUEST", "Invalid short key");
        }
        recordClick(uniqueID);
        return longUrl;
    }

    private void recordClick(String uniqueID) {
        Map<String, Object> event = new HashMap<>();
        event.put("shortKey", uniqueID);
        event.put("timestamp", System.currentTimeMillis());
        try {
02|            restTemplate.postForObject(eventServiceUrl, event, Map.class);
1|            new RestTemplate().postForObject(eventServiceUrl, event, Map.class); //@RES-04
        } catch (RestClientException e) {
            log.warn("Could not record the click of short key {}", uniqueID, e);
        }
    }
}
''')
cases_of(case, GH + 'egovernments/municipal-services/pull/851',
         'egov-url-shortening/' + src('org.egov.url.shortening.service', 'URLConverterService'),
         J('org.egov.url.shortening.service', [
             'java.util.HashMap', 'java.util.Map', 'lombok.extern.slf4j.Slf4j',
             'org.egov.tracer.model.CustomException', 'org.egov.url.shortening.repository.URLRepository',
             'org.egov.url.shortening.utils.IDConvertor', 'org.springframework.beans.factory.annotation.Autowired',
             'org.springframework.beans.factory.annotation.Value', 'org.springframework.stereotype.Service',
             'org.springframework.web.client.RestClientException', 'org.springframework.web.client.RestTemplate'])(EGOV), [
             (1, 'java-00-egov-url-click-rest-template-per-redirect',
              'an edit builds a RestTemplate for every click it records, so each redirect of a shortened link opens '
              'a fresh connection to the event service', 'edit'),
             (2, 'java-00-egov-url-redirect-logged-at-info',
              'an edit logs every resolved short link at info, a line per citizen who opens a link from a bulk SMS',
              'edit'),
             (0, 'java-ok-00-egov-url-converter',
              'clean: the fix records clicks with the shared RestTemplate and logs no line per redirect', 'fix'),
         ])


# ---------------------------------------------------------------- CONC-03 / LOG-03: appointment booking of a booking application (Appointment-Booking-Application)
BOOKING = template('appointment-booking-service', r'''
@Slf4j
@Service
public class AppointmentServiceImpl implements AppointmentService {

01|    private final Map<Integer, Object> doctorLocks = new ConcurrentHashMap<>();
2|    private final Map<Integer, Object> doctorLocks = new ConcurrentHashMap<>();
    private final AppointmentRepository appointmentRepository;
    private final DoctorRepository doctorRepository;

    public AppointmentServiceImpl(AppointmentRepository appointmentRepository, DoctorRepository doctorRepository) {
        this.appointmentRepository = appointmentRepository;
        this.doctorRepository = doctorRepository;
    }

    /**
     * Books a slot with a doctor. Two patients may ask for the same slot at the same moment, so the check and the
     * insert run under the doctor's lock.
     */
    @Override
    public Appointment bookAppointment(BookingRequest request) throws AppointmentException {
        Doctor doctor = doctorRepository.findById(request.getDoctorId())
                .orElseThrow(() -> new DoctorException("No doctor with id " + request.getDoctorId()));
02|        Object lock = doctorLocks.computeIfAbsent(doctor.getDoctorId(), id -> new Object());
1|        Object lock = doctorLocks.get(doctor.getDoctorId());
1|        if (lock == null) {
1|            lock = new Object();
1|            doctorLocks.put(doctor.getDoctorId(), lock); //@CONC-03
1|        }
        synchronized (lock) {
            if (appointmentRepository.existsByDoctorAndAppointmentDateTime(doctor, request.getSlot())) {
02|                log.warn("Request {}: slot {} of doctor {} is already booked", request.getRequestId(), request.getSlot(), doctor.getDoctorId());
1|                log.warn("Request {}: slot {} of doctor {} is already booked", request.getRequestId(), request.getSlot(), doctor.getDoctorId());
2|                log.warn("Slot {} of doctor {} is already booked", request.getSlot(), doctor.getDoctorId()); //@LOG-03
                throw new AppointmentException("This slot is already booked");
            }
            Appointment appointment = new Appointment(doctor, request.getPatientId(), request.getSlot());
            return appointmentRepository.save(appointment);
        }
    }
}
''')
BOOKING = BOOKING.replace(
    '01|    private final Map<Integer, Object> doctorLocks = new ConcurrentHashMap<>();\n'
    '2|    private final Map<Integer, Object> doctorLocks = new ConcurrentHashMap<>();\n',
    '02|    private final Map<Integer, Object> doctorLocks = new ConcurrentHashMap<>();\n'
    '1|    private final Map<Integer, Object> doctorLocks = new HashMap<>();\n').replace(
    '02|                log.warn("Request {}: slot {} of doctor {} is already booked", request.getRequestId(), request.getSlot(), doctor.getDoctorId());\n'
    '1|                log.warn("Request {}: slot {} of doctor {} is already booked", request.getRequestId(), request.getSlot(), doctor.getDoctorId());\n',
    '01|                log.warn("Request {}: slot {} of doctor {} is already booked", request.getRequestId(),\n'
    '01|                        request.getSlot(), doctor.getDoctorId());\n')
TEMPLATES[-1] = ('appointment-booking-service', BOOKING)
cases_of(case, GH + 'sank29/Appointment-Booking-Application/pull/71',
         src('com.masai.service', 'AppointmentServiceImpl'),
         JV('com.masai.service', {v: [
             'com.masai.exception.AppointmentException', 'com.masai.exception.DoctorException',
             'com.masai.model.Appointment', 'com.masai.model.BookingRequest', 'com.masai.model.Doctor',
             'com.masai.repository.AppointmentRepository', 'com.masai.repository.DoctorRepository', 'java.util.Map',
             'lombok.extern.slf4j.Slf4j', 'org.springframework.stereotype.Service'] + (
             ['java.util.HashMap'] if v == 1 else ['java.util.concurrent.ConcurrentHashMap']) for v in (0, 1, 2)})(BOOKING), [
             (1, 'java-00-appointment-booking-lock-map-unsynchronized',
              'an edit keeps the doctors\' locks in a plain HashMap filled by check-then-put, so two first bookings '
              'of a doctor can get different locks and book the same slot twice', 'edit'),
             (2, 'java-00-appointment-booking-conflict-logged-without-request-id',
              'an edit logs a refused booking without the request id, so support cannot tie a patient\'s complaint '
              'to the line', 'edit'),
             (0, 'java-ok-00-appointment-booking-concurrent-locks',
              'clean: the fix takes each doctor\'s lock from a concurrent map and logs with the request id', 'fix'),
         ])


# ---------------------------------------------------------------- ERR-01 / RES-01: password reset email of an online judge for university courses (CDOJ), CRLF file
CDOJ = template('cdoj-email-service', r'''
/**
 * Sends the account emails of the judge: password resets and contest invitations.
 */
@Service("emailService")
public class EmailServiceImpl extends AbstractService implements EmailService {

  private static final Logger LOGGER = LoggerFactory.getLogger(EmailServiceImpl.class);

  private final JavaMailSender mailSender;
  private final Settings settings;

  @Autowired
  public EmailServiceImpl(JavaMailSender mailSender, Settings settings) {
    this.mailSender = mailSender;
    this.settings = settings;
  }

  @Override
  public boolean sendResetPasswordEmail(UserDto user, String serialKey) {
    MimeMessage message = mailSender.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(settings.EMAIL_ADDRESS);
      helper.setTo(user.getEmail());
      helper.setSubject("[UESTC OJ] Reset your password");
      helper.setText(resetPasswordText(user, serialKey), true);
02|      File logo = new File(settings.RESOURCES_PATH, "images/logo-mail.png");
02|      try (InputStream in = new FileInputStream(logo)) {
02|        helper.addInline("logo", new ByteArrayResource(IOUtils.toByteArray(in)), "image/png");
02|      }
1|      File logo = new File(settings.RESOURCES_PATH, "images/logo-mail.png");
1|      try (InputStream in = new FileInputStream(logo)) {
1|        helper.addInline("logo", new ByteArrayResource(IOUtils.toByteArray(in)), "image/png");
1|      }
2|      InputStream in = new FileInputStream(new File(settings.RESOURCES_PATH, "images/logo-mail.png")); //@RES-01
2|      helper.addInline("logo", new ByteArrayResource(IOUtils.toByteArray(in)), "image/png");
      mailSender.send(message);
      return true;
01|    } catch (MessagingException | IOException | MailException e) {
01|      LOGGER.error("Could not send the password reset email of user {}", user.getUserId(), e);
01|      return false;
01|    }
1|    } catch (MessagingException | IOException | MailException e) { //@ERR-01
1|      return true;
1|    }
  }

  private String resetPasswordText(UserDto user, String serialKey) {
    return "<p>Dear " + user.getUserName() + ",</p><p>Open <a href=\"" + settings.HOST
        + "/user/resetPassword/" + serialKey + "\">this link</a> to choose a new password.</p>";
  }
}
''')
CDOJ = CDOJ.replace('''02|      File logo = new File(settings.RESOURCES_PATH, "images/logo-mail.png");
02|      try (InputStream in = new FileInputStream(logo)) {
02|        helper.addInline("logo", new ByteArrayResource(IOUtils.toByteArray(in)), "image/png");
02|      }
1|      File logo = new File(settings.RESOURCES_PATH, "images/logo-mail.png");
1|      try (InputStream in = new FileInputStream(logo)) {
1|        helper.addInline("logo", new ByteArrayResource(IOUtils.toByteArray(in)), "image/png");
1|      }
''', '''01|      File logo = new File(settings.RESOURCES_PATH, "images/logo-mail.png");
01|      try (InputStream in = new FileInputStream(logo)) {
01|        helper.addInline("logo", new ByteArrayResource(IOUtils.toByteArray(in)), "image/png");
01|      }
''').replace('''01|    } catch (MessagingException | IOException | MailException e) {
01|      LOGGER.error("Could not send the password reset email of user {}", user.getUserId(), e);
01|      return false;
01|    }
1|    } catch (MessagingException | IOException | MailException e) { //@ERR-01
1|      return true;
1|    }
''', '''    } catch (MessagingException | IOException | MailException e) { //@{1}ERR-01
02|      LOGGER.error("Could not send the password reset email of user {}", user.getUserId(), e);
02|      return false;
1|      return true;
    }
''')
TEMPLATES[-1] = ('cdoj-email-service', CDOJ)
cases_of(case, GH + 'UESTC-ACM/CDOJ/pull/219',
         src('cn.edu.uestc.acmicpc.service.impl', 'EmailServiceImpl'),
         J('cn.edu.uestc.acmicpc.service.impl', [
             'cn.edu.uestc.acmicpc.db.dto.impl.UserDto', 'cn.edu.uestc.acmicpc.service.iface.EmailService',
             'cn.edu.uestc.acmicpc.util.settings.Settings', 'java.io.File', 'java.io.FileInputStream',
             'java.io.IOException', 'java.io.InputStream', 'javax.mail.MessagingException',
             'javax.mail.internet.MimeMessage', 'org.apache.commons.io.IOUtils', 'org.slf4j.Logger',
             'org.slf4j.LoggerFactory', 'org.springframework.beans.factory.annotation.Autowired',
             'org.springframework.core.io.ByteArrayResource', 'org.springframework.mail.MailException',
             'org.springframework.mail.javamail.JavaMailSender',
             'org.springframework.mail.javamail.MimeMessageHelper', 'org.springframework.stereotype.Service'])(CDOJ), [
             (1, 'java-00-cdoj-reset-email-failure-swallowed',
              'an edit swallows every failure of sending the password reset email and reports success, so with the '
              'mail server down users wait for a mail that never comes and nobody sees why', 'edit'),
             (2, 'java-00-cdoj-reset-email-logo-stream-not-closed',
              'an edit reads the mail logo through a stream it never closes, so every reset email leaks a file '
              'handle of the judge', 'edit'),
             (0, 'java-ok-00-cdoj-reset-email-logged',
              'clean: the fix logs a failed reset email and closes the logo stream', 'fix'),
         ], crlf=True)


# ---------------------------------------------------------------- ERR-01 / CONC-05: contact form of a survey platform (EUSurvey)
EUSURVEY = template('eusurvey-contact-form', r'''
/**
 * Forwards the messages of a survey's contact form to the survey owner. The SMTP relay of the Commission
 * throttles bursts, so a refused message is retried a few times after a pause.
 */
@Service("contactFormService")
public class ContactFormService {

    private static final Logger logger = Logger.getLogger(ContactFormService.class);
    private static final int ATTEMPTS = 3;

    @Resource(name = "mailService")
    private MailService mailService;

    public boolean forwardToOwner(Survey survey, ContactForm form) {
        String subject = "[EUSurvey] Message about your survey " + survey.getShortname();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                mailService.SendHtmlMail(survey.getContact(), form.getEmail(), form.getEmail(), subject,
                        form.getMessage(), null);
                return true;
            } catch (Exception e) { //@{1}ERR-01
02|                logger.warn(e.getLocalizedMessage(), e);
1|                return true;
            }
            try {
                Thread.sleep(2000L * attempt);
            } catch (InterruptedException e) { //@{2}CONC-05
01|                Thread.currentThread().interrupt();
01|                return false;
2|                logger.info("Interrupted while waiting to retry the contact form message");
            }
        }
        return false;
    }
}
''')
cases_of(case, GH + 'EUSurvey/EUSURVEY/pull/317', src('com.ec.survey.service', 'ContactFormService'),
         J('com.ec.survey.service', ['com.ec.survey.model.ContactForm', 'com.ec.survey.model.survey.Survey',
                                     'javax.annotation.Resource', 'org.apache.log4j.Logger',
                                     'org.springframework.stereotype.Service'])(EUSURVEY), [
             (1, 'java-00-eusurvey-contact-form-failure-swallowed',
              'an edit turns a refused contact form message into success, so the respondent is told the owner has '
              'it while the relay dropped it', 'edit'),
             (2, 'java-00-eusurvey-contact-form-retry-swallows-interrupt',
              'an edit logs an interrupt during the retry pause and carries on, so a server shutting down waits '
              'through every remaining retry of every contact form message', 'edit'),
             (0, 'java-ok-00-eusurvey-contact-form-retried',
              'clean: the fix logs refused messages, retries and keeps the interrupt', 'fix'),
         ])
