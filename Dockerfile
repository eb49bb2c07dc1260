# Custodian on the official Payara Micro 6 image (Jakarta EE 10, JDK 17).
#   docker build -t custodian .
#   docker run -p 8080:8080 -v custodian-data:/opt/payara/data \
#     -e CUSTODIAN_SECURITY_USERS=alice -e CUSTODIAN_SECURITY_USER_ALICE_PASSWORD='pbkdf2:...' custodian
# Several replicas on one database: give each its own -e CUSTODIAN_NODE_ID=custodian-2 ... (and its own volume).
# On PostgreSQL: mount a copy of server-config/payara/postgres.properties with your connection and give the command
#   --addLibs lib/postgresql.jar --systemProperties /config/postgres.properties \
#   --postbootcommandfile server-config/payara/postgres.asadmin --deploy custodian.war
# The steps are those of `mvn -Prun` (README): same WAR, same post-boot files, same logging properties.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY server-config server-config
# the WAR and the JDBC driver only: the runtime image brings Payara Micro, so the build does not fetch it
RUN mvn -B -q package -DskipTests -Dpayara.micro.skip=true

FROM payara/micro:6.2025.10-jdk17
# the image runs as the non-root user "payara" in /opt/payara; the data root (input, output, temp, logs,
# backups and the embedded database) is a volume
COPY --from=build --chown=payara:payara /src/target/custodian.war custodian.war
COPY --from=build --chown=payara:payara /src/target/server-lib/postgresql.jar lib/postgresql.jar
COPY --chown=payara:payara server-config server-config
RUN mkdir -p data
VOLUME /opt/payara/data
# CUSTODIAN_NODE_ID: a container's host name changes whenever it is re-created, and the node id must not, or the
# jobs this instance held are not recovered at its next start (they wait for their leases to expire instead)
ENV LOG_FORMAT=json \
    LOG_LEVEL=info \
    CUSTODIAN_DATA_DIR=/opt/payara/data \
    CUSTODIAN_NODE_ID=custodian-1
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["tini", "--", "java", "-XX:MaxRAMPercentage=75", "-jar", "payara-micro.jar", "--nocluster", "--port", "8080", \
            "--contextroot", "/", "--logproperties", "server-config/payara/logging-json.properties", \
            "--prebootcommandfile", "server-config/payara/http-listener.asadmin"]
CMD ["--postbootcommandfile", "server-config/payara/h2.asadmin", "--deploy", "custodian.war"]
