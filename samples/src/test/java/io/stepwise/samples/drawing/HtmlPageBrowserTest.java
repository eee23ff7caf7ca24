package io.stepwise.samples.drawing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stepwise.drawing.HtmlPage;
import io.stepwise.samples.Samples;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the triage sample's HTML page in a real headless browser (Debian's Chromium), takes a
 * screenshot and checks the pixels: the diagram itself must render, each kind of node in its
 * colour, where the page's SVG says it is. Skipped when Chromium is missing, except in CI.
 */
class HtmlPageBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("STEPWISE_CHROMIUM", "/usr/bin/chromium"));
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 800;

  @TempDir
  static Path dir;
  private static BufferedImage shot;
  private static int svgWidth;
  private static int svgHeight;

  private static String missingChromium;

  @BeforeAll
  static void screenshot() throws IOException, InterruptedException {
    if (!Files.isExecutable(CHROMIUM)) {
      String message = "Chromium not found at " + CHROMIUM + ": install it with 'apt-get install -y chromium' "
          + "(.ci/run does), or point STEPWISE_CHROMIUM at a Chromium binary.";
      if (System.getenv("CI") != null) {
        fail(message);
      }
      // Skipped in @BeforeEach, test by test: a class aborted here is reported as "Tests run: 0".
      missingChromium = message;
      return;
    }
    String html = HtmlPage.render(Samples.find("triage").orElseThrow().graph().get());
    Matcher size = Pattern.compile("<svg [^>]*width=\"(\\d+)\" height=\"(\\d+)\"").matcher(html);
    assertTrue(size.find(), "no sized <svg> in the page");
    svgWidth = Integer.parseInt(size.group(1));
    svgHeight = Integer.parseInt(size.group(2));
    Path page = dir.resolve("triage.html");
    Path png = dir.resolve("triage.png");
    Files.writeString(page, html);
    Path profile = Files.createDirectory(dir.resolve("profile"));
    Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + png,
        "--window-size=" + WIDTH + "," + HEIGHT, page.toUri().toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("chromium.log").toFile())
        .start();
    // Generous: a cold Chromium on a busy 2-core machine can take many seconds.
    if (!chromium.waitFor(180, TimeUnit.SECONDS)) {
      chromium.destroyForcibly();
      fail("Chromium took more than 180 s to screenshot the page; its log: " + Files.readString(dir.resolve("chromium.log")));
    }
    assertTrue(Files.exists(png), "Chromium wrote no screenshot; its log: " + Files.readString(dir.resolve("chromium.log")));
    shot = ImageIO.read(png.toFile());
    if (System.getenv("STEPWISE_KEEP_SCREENSHOT") != null) {
      Files.copy(png, Path.of(System.getenv("STEPWISE_KEEP_SCREENSHOT")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @BeforeEach
  void skipWithoutChromium() {
    Assumptions.assumeTrue(missingChromium == null, missingChromium);
  }

  @Test
  void screenshotHasTheWindowSize() {
    assertEquals(WIDTH, shot.getWidth());
    assertEquals(HEIGHT, shot.getHeight());
  }

  @Test
  void diagramFitsInTheWindowForThisTest() {
    assertTrue(HtmlPage.HEADER_HEIGHT + svgHeight <= HEIGHT, "svg height " + svgHeight);
    assertTrue(HtmlPage.DIAGRAM_LEFT + svgWidth <= WIDTH, "svg width " + svgWidth);
  }

  @Test
  void everyNodeKindOfTheSampleIsPaintedInItsColour() {
    // Six steps of at least 90 x 32 px, five ordinary events, one start and one stop event,
    // less borders and text: lower bounds well under the drawn areas, far above stray pixels.
    assertTrue(count(0xdbe8ff) > 6 * 60 * 20, "step fill pixels: " + count(0xdbe8ff));
    assertTrue(count(0xeceff3) > 5 * 120 * 20, "event fill pixels: " + count(0xeceff3));
    assertTrue(count(0xc9f2d4) > 120 * 20, "start fill pixels: " + count(0xc9f2d4));
    assertTrue(count(0xffd3c2) > 120 * 20, "stop fill pixels: " + count(0xffd3c2));
  }

  @Test
  void nodesAreDrawnWhereTheSvgIs() {
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = HtmlPage.HEADER_HEIGHT; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int rgb = shot.getRGB(x, y) & 0xffffff;
        if (rgb == 0xdbe8ff || rgb == 0xeceff3 || rgb == 0xc9f2d4 || rgb == 0xffd3c2) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    int left = HtmlPage.DIAGRAM_LEFT;
    int top = HtmlPage.HEADER_HEIGHT;
    assertTrue(minX >= left && maxX <= left + svgWidth, "nodes span x " + minX + ".." + maxX);
    assertTrue(minY >= top && maxY <= top + svgHeight, "nodes span y " + minY + ".." + maxY);
    // The layout's nodes reach to its margins (20 px) on the widest layer and the first and last layers.
    assertTrue(maxX - minX > svgWidth - 60, "nodes are " + (maxX - minX) + " px wide in a " + svgWidth + " px svg");
    assertTrue(maxY - minY > svgHeight - 60, "nodes are " + (maxY - minY) + " px tall in a " + svgHeight + " px svg");
  }

  @Test
  void labelsAndEdgesAreDrawnInTheDiagram() {
    int dark = 0;
    int edge = 0;
    for (int y = HtmlPage.HEADER_HEIGHT; y < HtmlPage.HEADER_HEIGHT + svgHeight; y++) {
      for (int x = HtmlPage.DIAGRAM_LEFT; x < HtmlPage.DIAGRAM_LEFT + svgWidth; x++) {
        int rgb = shot.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r + g + b < 200) {
          dark++;
        }
        if (Math.abs(r - 0x4b) + Math.abs(g - 0x55) + Math.abs(b - 0x63) < 30) {
          edge++;
        }
      }
    }
    assertTrue(dark > 1500, "dark (text) pixels: " + dark);
    assertTrue(edge > 400, "edge-coloured pixels: " + edge);
  }

  private static long count(int colour) {
    long n = 0;
    for (int y = HtmlPage.HEADER_HEIGHT; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        if ((shot.getRGB(x, y) & 0xffffff) == colour) {
          n++;
        }
      }
    }
    return n;
  }
}
