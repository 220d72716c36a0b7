package org.tanji.server.app;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a PDF as PAdES (baseline B: a detached CAdES signature with the signing certificate
 * bound by its hash), with PDFBox for the document and Bouncy Castle for the CMS structure. The
 * signature covers every byte of the file but its own: one changed byte makes it invalid.
 */
final class PdfSigner {

  private PdfSigner() {}

  /**
   * The PDF signed.
   *
   * @param chain the signer's certificate first
   * @param at the signing time stated in the signature
   */
  static byte[] sign(byte[] pdf, PrivateKey key, List<X509Certificate> chain, Instant at, String name,
      String reason) {
    try (PDDocument doc = Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream();
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(name);
      signature.setReason(reason);
      Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(at.toEpochMilli());
      signature.setSignDate(when);
      options.setPreferredSignatureSize(16_384);
      doc.addSignature(signature, content -> cms(content, key, chain, at), options);
      // the ID of the file comes from its content and the time, so issuing the same bytes twice gives the same file
      doc.setDocumentId(at.toEpochMilli());
      doc.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] cms(InputStream content, PrivateKey key, List<X509Certificate> chain, Instant at)
      throws IOException {
    try {
      X509Certificate cert = chain.get(0);
      byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      // PAdES baseline: the signing certificate bound by its hash (ESS signing-certificate-v2)
      attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
          new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(certHash)}))));
      attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
          .build(new JcaContentSignerBuilder(key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
              .build(key), cert));
      gen.addCertificates(new JcaCertStore(chain));
      return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
    } catch (NoSuchAlgorithmException | CertificateEncodingException | OperatorCreationException | CMSException e) {
      throw new IllegalStateException("signing a PDF: " + e.getMessage(), e);
    }
  }
}
