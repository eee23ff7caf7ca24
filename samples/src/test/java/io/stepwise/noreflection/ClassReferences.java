package io.stepwise.noreflection;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The classes and members one class file refers to, read from its constant pool: enough to
 * tell whether compiled code calls reflection, without a bytecode library.
 */
record ClassReferences(List<String> classes, List<String> members) {

  /** Reads the constant pool of a class file (JVMS §4.4). */
  static ClassReferences read(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor
    in.readUnsignedShort(); // major
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[] classNameIndex = new int[count];
    List<int[]> memberRefs = new ArrayList<>(); // {classIndex, nameAndTypeIndex}
    int[] nameOfNameAndType = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7 -> classNameIndex[i] = in.readUnsignedShort();
        case 9, 10, 11 -> memberRefs.add(new int[] {in.readUnsignedShort(), in.readUnsignedShort()});
        case 12 -> {
          nameOfNameAndType[i] = in.readUnsignedShort();
          in.readUnsignedShort();
        }
        case 8, 16, 19, 20 -> in.readUnsignedShort();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        case 3, 4, 17, 18 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // eight-byte constants take two slots
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at " + i);
      }
    }
    List<String> classes = new ArrayList<>();
    for (int index : classNameIndex) {
      if (index != 0) {
        classes.add(utf8[index]);
      }
    }
    List<String> members = new ArrayList<>();
    for (int[] ref : memberRefs) {
      members.add(utf8[classNameIndex[ref[0]]] + "." + utf8[nameOfNameAndType[ref[1]]]);
    }
    return new ClassReferences(classes, members);
  }
}
