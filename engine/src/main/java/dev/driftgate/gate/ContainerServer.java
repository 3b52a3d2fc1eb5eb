package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.ServerFamily;
import dev.driftgate.sql.ConnectionSettings;
import java.time.Duration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/** A database server in a container, for any image tag (a version matrix); needs a Docker engine. */
final class ContainerServer implements DatabaseServer {

    private static final String PASSWORD = "driftgate";

    private final GenericContainer<?> container;
    private final Dialect dialect;

    private ContainerServer(GenericContainer<?> container, Dialect dialect) {
        this.container = container;
        this.dialect = dialect;
    }

    static ContainerServer start(String image, Dialect dialect) {
        ServerFamily.ContainerSetup setup = ServerFamily.of(dialect).container(image, PASSWORD);
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(dialect.defaultPort())
                .withEnv(setup.environment())
                .waitingFor(Wait.forLogMessage(setup.readyLogPattern(), setup.readyTimes()))
                .withStartupTimeout(Duration.ofMinutes(3));
        try {
            c.start();
        } catch (RuntimeException e) {
            c.close();
            throw new DriftgateException("cannot start container " + image + ": " + e.getMessage(), e);
        }
        return new ContainerServer(c, dialect);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String description() {
        return container.getDockerImageName() + " (testcontainers)";
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(dialect.defaultPort());
    }

    @Override
    public ConnectionSettings adminSettings() {
        return ConnectionSettings.of(dialect.administrator(), PASSWORD);
    }

    @Override
    public void close() {
        container.close();
    }
}
