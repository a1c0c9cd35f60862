package dev.holdfast.fleet.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code a collector scans to enrol: the URI {@code holdfast://enroll?server=<public URL>&code=<code>}, as a
 * PNG {@code data:} URI for an {@code <img>} on the page that created the code (the code is stored only hashed, so
 * the image cannot be made again later).
 */
final class EnrollmentQrCode {

    static final int SIZE = 280;

    private EnrollmentQrCode() {
    }

    static String content(String publicUrl, String code) {
        return "holdfast://enroll?server=" + URLEncoder.encode(publicUrl, StandardCharsets.UTF_8)
                + "&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    static String pngDataUri(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("QR code could not be made", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
