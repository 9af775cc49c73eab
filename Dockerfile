# syntax=docker/dockerfile:1
# Build stage: compile and package the runnable jar.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY web web
COPY migrations migrations
# the start-up archive is made in the run stage, by the JDK that will use it
RUN mvn -B -q -DskipTests -Dkb.cds.skip=true package

# Run stage: a JDK, not a JRE, because the sandbox starts JShell in child JVMs.
FROM eclipse-temurin:17-jdk
RUN apt-get update && apt-get install -y --no-install-recommends bubblewrap curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app kb \
    && mkdir -p /app /data && chown kb /data
WORKDIR /app
COPY --from=build /src/target/postmortem-kb.jar /app/postmortem-kb.jar
COPY content /app/content
# the AppCDS archive `serve` starts from (about half the start-up time); made for this image's JDK
RUN java -jar /app/postmortem-kb.jar cds --content /app/content
ENV KB_PORT=7070 KB_DATA_DIR=/data KB_CONTENT_DIR=/app/content
VOLUME ["/data"]
EXPOSE 7070
USER kb
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD curl -fsS http://localhost:7070/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/postmortem-kb.jar"]
CMD ["serve"]
