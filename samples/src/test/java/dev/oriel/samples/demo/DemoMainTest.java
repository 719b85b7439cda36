package dev.oriel.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoMainTest {
    @Test
    void defaults() {
        DemoMain.Options o = DemoMain.Options.parse(new String[0]);
        assertThat(o.bind).isEqualTo("127.0.0.1");
        assertThat(o.port).isEqualTo(13389);
        assertThat(o.stateDir).isEqualTo(DemoMain.defaultStateDir());
        assertThat(o.help).isFalse();
        assertThat(o.noGraphicsPipeline).isFalse();
        assertThat(DemoMain.Options.parse(new String[] {"--no-graphics-pipeline"}).noGraphicsPipeline).isTrue();
    }

    @Test
    void codecOptionsReachTheServersGraphicsOptions() {
        dev.oriel.rdp.core.api.GraphicsOptions g = DemoMain.Options.parse(new String[0]).graphics();
        assertThat(g).isEqualTo(dev.oriel.rdp.core.api.GraphicsOptions.defaults());
        g = DemoMain.Options.parse(new String[] {"--photo-codec", "progressive", "--ui-codec=ClearCodec",
            "--no-graphics-pipeline"}).graphics();
        assertThat(g.photoCodec()).isEqualTo(dev.oriel.rdp.core.api.GraphicsOptions.PhotoCodec.PROGRESSIVE);
        assertThat(g.uiCodec()).isEqualTo(dev.oriel.rdp.core.api.GraphicsOptions.UiCodec.CLEARCODEC);
        assertThat(g.pipeline()).isFalse();
        assertThatThrownBy(() -> DemoMain.Options.parse(new String[] {"--photo-codec", "jpeg"}))
                .hasMessageContaining("--photo-codec takes [planar, remotefx, progressive], not jpeg");
    }

    @Test
    void parsesBothForms() {
        DemoMain.Options o = DemoMain.Options.parse(new String[] {"--bind", "0.0.0.0", "--port=3390", "--state-dir", "/tmp/x"});
        assertThat(o.bind).isEqualTo("0.0.0.0");
        assertThat(o.port).isEqualTo(3390);
        assertThat(o.stateDir).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> DemoMain.Options.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> DemoMain.Options.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> DemoMain.Options.parse(new String[] {"--frobnicate"})).hasMessageContaining("unknown option");
    }

    @Test
    void connectionHelpShowsTheDesktopAndEveryPublishedApp() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        dev.oriel.rdp.core.api.TlsIdentity tls = dev.oriel.rdp.core.security.TlsIdentities.generateSelfSigned(
                java.util.List.of("localhost"), new java.security.SecureRandom());
        DemoMain.printConnectionHelp(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.net.InetSocketAddress("127.0.0.1", 13389), tls, Path.of("/tmp/state"));
        String help = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(help).contains("xfreerdp /v:127.0.0.1:13389 /u:demo /p:demo /cert:tofu /size:1024x768");
        for (String app : new String[] {"notepad", "clock", "paint"}) {
            assertThat(help).contains("xfreerdp /v:127.0.0.1:13389 /u:demo /p:demo /cert:tofu '/app:||" + app + "'");
        }
    }
}
