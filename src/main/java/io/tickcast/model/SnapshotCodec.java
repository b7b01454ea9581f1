package io.tickcast.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/**
 * The envelope of every forecaster snapshot: magic, format version, engine, spec, the engine's payload and a
 * CRC32 of all of it. Reading fails with an {@link IllegalArgumentException} on any mismatch.
 */
final class SnapshotCodec {

    /** "TKCF": tickcast forecaster. */
    static final int MAGIC = 0x544B4346;
    static final int VERSION = 1;
    private static final int MAX_PAYLOAD = 64 << 20;

    private SnapshotCodec() {
    }

    /** A decoded envelope. */
    record Envelope(ForecasterSpec spec, byte[] payload) {
    }

    static byte[] write(ForecasterSpec spec, byte[] payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeUTF(spec.engineOrDefault());
            out.writeInt(spec.inputSize());
            out.writeInt(spec.hiddenSize());
            out.writeInt(spec.layers());
            out.writeInt(spec.window());
            out.writeInt(spec.bpttHorizon());
            out.writeDouble(spec.learningRate());
            out.writeLong(spec.seed());
            out.writeInt(payload.length);
            out.write(payload);
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Envelope read(byte[] snapshot) {
        if (snapshot == null || snapshot.length < 16) {
            throw new IllegalArgumentException("not a tickcast forecaster snapshot: too short");
        }
        checkCrc(snapshot);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot, 0, snapshot.length - 8))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a tickcast forecaster snapshot: bad magic");
            }
            int version = in.readUnsignedShort();
            if (version != VERSION) {
                throw new IllegalArgumentException("unsupported forecaster snapshot version " + version
                        + " (this build reads " + VERSION + ")");
            }
            ForecasterSpec spec = new ForecasterSpec(in.readUTF(), in.readInt(), in.readInt(), in.readInt(),
                    in.readInt(), in.readInt(), in.readDouble(), in.readLong());
            spec.validate();
            int length = in.readInt();
            if (length < 0 || length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("corrupt forecaster snapshot: payload length " + length);
            }
            byte[] payload = in.readNBytes(length);
            if (payload.length != length || in.available() != 0) {
                throw new IllegalArgumentException("corrupt forecaster snapshot: payload length mismatch");
            }
            return new Envelope(spec, payload);
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt forecaster snapshot: " + e.getMessage(), e);
        }
    }

    private static void checkCrc(byte[] snapshot) {
        CRC32 crc = new CRC32();
        crc.update(snapshot, 0, snapshot.length - 8);
        long stored = 0;
        for (int i = snapshot.length - 8; i < snapshot.length; i++) {
            stored = (stored << 8) | (snapshot[i] & 0xFF);
        }
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException("corrupt forecaster snapshot: checksum mismatch");
        }
    }
}
